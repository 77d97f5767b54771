#!/bin/sh
# Re-writes each PDF fixture through the programs that most often touch a brochure after its
# designer (a "compress PDF" tool, a viewer's re-save, a linearizer), and builds the text-layer
# fault PDFs: fixtures/producers/<fixture>/<producer>.pdf.
#
#   test/producers/make-producers.sh          # writes fixtures/producers/
#
# Needs the Debian packages ghostscript, poppler-utils, qpdf, mupdf-tools, tesseract-ocr-fra.
# CI has none of them: the outputs are committed and test/producers.test.ts reads them.
# Also two designs (fixtures/designs/) re-written by gs: fixtures/producers/designs/<design>/gs.pdf.
# Producers (one file each):
#   gs            gs -sDEVICE=pdfwrite (default settings: what "compress PDF" tools run)
#   gs-ebook      gs -sDEVICE=pdfwrite -dPDFSETTINGS=/ebook (images down-sampled to 150 dpi)
#   pdftocairo    pdftocairo -pdf (poppler, as a viewer's "print to PDF")
#   qpdf          qpdf --object-streams=generate
#   mutool        mutool clean -gggz (garbage-collect, compact, deflate)
# Faults of real text layers (synthetic fixture only; test/producers/make-faults.mjs builds the
# hand-made ones, letter-by-letter and drawn-twice text):
#   ocr           every page rasterised (pdftoppm, 150 dpi) then `tesseract … pdf -l fra`:
#                 page images with an invisible GlyphLessFont text layer
#   ocr-copy      the original with tesseract's text-only layer of the same pages laid over it
#                 (`qpdf --overlay`): its own text plus an invisible OCR copy
#   damaged       ToUnicode edited: LiberationSans "e" -> U+FFFD, LiberationSans-Bold "e" ->
#                 U+E000 (private use): e-mails, names and roster headings hold unreadable characters
#   unmapped      the body font (LiberationSerif) without its ToUnicode: pdf.js falls back to glyph
#                 ids (control characters and shifted letters)
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

# Designs re-written by Ghostscript ("compress PDF"): its rounded coordinates and its ligature
# mappings must not change what a design reads as (fixtures/producers/designs/<design>/gs.pdf).
for design in synthetic-2031-s2031-06 inet-2019-s8802-04; do
  mkdir -p "$outdir/designs/$design"
  gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOutputFile="$outdir/designs/$design/gs.pdf" "$root/fixtures/designs/$design/input.pdf"
done

# OCR'd scan of the synthetic brochure: one image per page, tesseract's text layer over it.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pdftoppm -r 150 -gray -png "$root/fixtures/synthetic-2031/input.pdf" "$work/page"
ls "$work"/page-*.png | sort > "$work/list.txt"
tesseract "$work/list.txt" "$work/ocr" -l fra --dpi 150 pdf >/dev/null 2>&1
cp "$work/ocr.pdf" "$outdir/synthetic-2031/ocr.pdf"
tesseract "$work/list.txt" "$work/textonly" -l fra --dpi 150 -c textonly_pdf=1 pdf >/dev/null 2>&1
qpdf "$root/fixtures/synthetic-2031/input.pdf" --overlay "$work/textonly.pdf" -- "$outdir/synthetic-2031/ocr-copy.pdf"

# Damaged and missing ToUnicode maps, edited in qpdf's QDF form (stream lengths fixed by fix-qdf).
qpdf --qdf --object-streams=disable "$root/fixtures/synthetic-2031/input.pdf" "$work/qdf.pdf"
node - "$work/qdf.pdf" "$work" <<'JS'
const { readFileSync, writeFileSync } = require('node:fs');
const [file, dir] = process.argv.slice(2);
const qdf = readFileSync(file, 'latin1');
const edit = (text, from, to) => {
  if (text.split(from).length !== 2) throw new Error(`make-producers: expected once in the QDF: ${from}`);
  return text.replace(from, to);
};
let damaged = edit(qdf, '10 beginbfrange\n<0008> <000A> <0025>', '11 beginbfrange\n<0048> <0048> <E000>\n<0008> <000A> <0025>');
damaged = edit(damaged, '<0044> <0048> <0061>\n<004A>', '<0044> <0047> <0061>\n<004A>');
damaged = edit(damaged, '5 beginbfrange\n<000F> <0017> <002C>\n<0023> <0039> <0040>\n<0044> <0059> <0061>', '7 beginbfrange\n<000F> <0017> <002C>\n<0023> <0039> <0040>\n<0044> <0047> <0061>\n<0048> <0048> <FFFD>\n<0049> <0059> <0066>');
writeFileSync(`${dir}/damaged-qdf.pdf`, damaged, 'latin1');
writeFileSync(`${dir}/unmapped-qdf.pdf`, edit(qdf, '/ToUnicode 360 0 R', ''), 'latin1');
JS
for fault in damaged unmapped; do
  fix-qdf "$work/$fault-qdf.pdf" > "$work/$fault-fixed.pdf"
  qpdf --object-streams=generate "$work/$fault-fixed.pdf" "$outdir/synthetic-2031/$fault.pdf"
done
echo "make-producers: synthetic-2031 faults: $(cd "$outdir/synthetic-2031" && ls -l ocr*.pdf damaged.pdf unmapped.pdf | awk '{ printf "%s %s  ", $9, $5 }')"
