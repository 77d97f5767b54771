#!/bin/sh
# Regenerates fixtures/synthetic-2031/input.pdf from fixtures/synthetic-2031/source.html with
# headless Chromium (Debian package `chromium`, fonts `fonts-liberation`).
#
#   test/tools/make-synthetic.sh            # writes fixtures/synthetic-2031/input.pdf
#   test/tools/make-synthetic.sh OUT.pdf    # writes elsewhere (to compare with the committed one)
#
# CI does not run this (no Chromium there): the committed PDF is the fixture. After regenerating,
# check the page count (14) and run `npx vitest run test/synthetic.test.ts`; the PDF's bytes change
# on every run (creation date), its text should not.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
dir="$root/fixtures/synthetic-2031"
out=${1:-"$dir/input.pdf"}

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "make-synthetic: no chromium found (apt-get install -y chromium fonts-liberation)" >&2
  exit 1
fi
for family in 'Liberation Sans' 'Liberation Serif'; do
  if ! fc-list | grep -q "$family"; then
    echo "make-synthetic: font '$family' missing (apt-get install -y fonts-liberation): the layout would differ" >&2
    exit 1
  fi
done

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --no-pdf-header-footer \
  --print-to-pdf="$out" "file://$dir/source.html" 2>/dev/null

if command -v pdfinfo >/dev/null 2>&1; then
  pages=$(pdfinfo "$out" | awk '/^Pages:/ { print $2 }')
  if [ "$pages" != 14 ]; then
    echo "make-synthetic: $out has $pages pages, expected 14 (some page overflowed?)" >&2
    exit 1
  fi
fi
echo "make-synthetic: wrote $out ($(wc -c < "$out") bytes)"
