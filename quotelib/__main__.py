"""``python -m quotelib``: the command line."""

from quotelib.cli import main

if __name__ == "__main__":
    main()
