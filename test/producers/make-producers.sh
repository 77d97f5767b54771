#!/bin/sh
# Re-writes each PDF fixture through the programs that most often touch a brochure after its
# designer (a "compress PDF" tool, a viewer's re-save, a linearizer), and builds the text-layer
# fault PDFs: fixtures/producers/<fixture>/<producer>.pdf.
#
#   test/producers/make-producers.sh          # writes fixtures/producers/
#
# Needs the Debian packages ghostscript, poppler-utils, qpdf, mupdf-tools, tesseract-ocr-fra.
# CI has none of them: the outputs are committed and test/producers.test.ts reads them.
# Producers (one file each):
#   gs            gs -sDEVICE=pdfwrite (default settings: what "compress PDF" tools run)
#   gs-ebook      gs -sDEVICE=pdfwrite -dPDFSETTINGS=/ebook (images down-sampled to 150 dpi)
#   pdftocairo    pdftocairo -pdf (poppler, as a viewer's "print to PDF")
#   qpdf          qpdf --object-streams=generate
#   mutool        mutool clean -gggz (garbage-collect, compact, deflate)
# Faults (synthetic fixture only, see test/producers/make-faults.mjs for the hand-made ones):
#   ocr           every page rasterised (pdftoppm, 150 dpi) then `tesseract … pdf -l fra`:
#                 page images with an invisible GlyphLessFont text layer
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
outdir="$root/fixtures/producers"

for tool in gs pdftocairo qpdf mutool pdftoppm tesseract; do
  command -v "$tool" >/dev/null 2>&1 || { echo "make-producers: $tool missing (apt-get install -y ghostscript poppler-utils qpdf mupdf-tools tesseract-ocr-fra)" >&2; exit 1; }
done

for fixture in inet-2019 synthetic-2031; do
  in="$root/fixtures/$fixture/input.pdf"
  dir="$outdir/$fixture"
  mkdir -p "$dir"
  gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOutputFile="$dir/gs.pdf" "$in"
  gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -dPDFSETTINGS=/ebook -sOutputFile="$dir/gs-ebook.pdf" "$in"
  pdftocairo -pdf "$in" "$dir/pdftocairo.pdf"
  qpdf --object-streams=generate "$in" "$dir/qpdf.pdf"
  mutool clean -gggz "$in" "$dir/mutool.pdf"
  echo "make-producers: $fixture: $(cd "$dir" && ls -l *.pdf | awk '{ printf "%s %s  ", $9, $5 }')"
done

# OCR'd scan of the synthetic brochure: one image per page, tesseract's text layer over it.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pdftoppm -r 150 -gray -png "$root/fixtures/synthetic-2031/input.pdf" "$work/page"
ls "$work"/page-*.png | sort > "$work/list.txt"
tesseract "$work/list.txt" "$work/ocr" -l fra --dpi 150 pdf >/dev/null 2>&1
cp "$work/ocr.pdf" "$outdir/synthetic-2031/ocr.pdf"
echo "make-producers: synthetic-2031/ocr.pdf $(wc -c < "$outdir/synthetic-2031/ocr.pdf") bytes"
