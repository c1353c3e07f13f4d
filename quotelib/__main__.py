"""``python -m quotelib``: the command line."""

from quotelib.cli.app import main

if __name__ == "__main__":
    main()
