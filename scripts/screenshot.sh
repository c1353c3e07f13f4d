#!/usr/bin/env bash
# Render the seed article with quotelib.render and screenshot the page in headless Chromium.
#
#   scripts/screenshot.sh [OUT.png]   (default: docs/img/seed-article.png)
#
# Needs Debian's chromium package (apt-get install chromium) and quotelib installed in the
# Python that runs it (PYTHON, default: python). Not run in CI.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(realpath -m "${1:-$root/docs/img/seed-article.png}")"
python="${PYTHON:-python}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$python" - "$root/seeds/000_d05105c950b0ed4e.txt" "$work/seed.html" <<'PY'
import sys
from pathlib import Path

import quotelib

text = Path(sys.argv[1]).read_text(encoding="utf-8")
page = quotelib.render(text, title="Seed article: Xi and Putin reaffirm their partnership")
Path(sys.argv[2]).write_text(page, encoding="utf-8")
PY

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --force-device-scale-factor=1 \
    --user-data-dir="$work/profile" --window-size=1200,1640 \
    --screenshot="$out" "file://$work/seed.html"
echo "wrote $out"
