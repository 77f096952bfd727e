#!/bin/sh
# Renders an SVG in headless Chromium and checks the screenshot is not blank.
# usage: render_svg.sh CHROMIUM PYTHON CHECKER FILE.svg OUT.png   (exit 77 = skipped: no Chromium)
set -eu
chromium=$1 python=$2 checker=$3 svg=$4 png=$5
[ -x "$chromium" ] || { echo "skipped: $chromium not found"; exit 77; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
rm -f "$png"
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=1000,620 \
  --screenshot="$png" "file://$svg" >/dev/null 2>&1 || true
[ -s "$png" ] || { echo "FAIL: no screenshot written"; exit 1; }
exec "$python" "$checker" png "$png"
