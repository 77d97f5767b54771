/**
 * The `frames` value of the `frameOrder` axis: each project printed as absolutely positioned text
 * frames on fixed-size pages, the frames written into the HTML (hence into the PDF's content
 * stream) in a shuffled order, as desktop-publishing programs write their text frames. Reading
 * order is then only in the geometry.
 *
 * The HTML carries each project as a hidden list of units (head, sidebar, team, rubrique
 * paragraphs, figures, references, boxes), and a script that runs in the page when Chromium loads
 * it lays them out where the text can be measured: it paginates them itself into columns of
 * frames (a rubrique's consecutive units in one column share a frame; a paragraph that does not
 * fit is cut between words and continues in the next column or page, as threaded frames do), then
 * shuffles each page's frames. The layout is deterministic: same fonts, same seed, same frames.
 * A frame that overflows its page prints « FRAME OVERFLOW » (generate.mjs then fails); if the
 * script does not run, nothing of the projects is visible and the printed-word check fails.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedOf } from './random.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Units of one project, as `renderDesign` builds them: `{ role, group, frame, html }`; a data table is marked wide. */
const unit = ({ role, group = '', frame = '', html }) => `<div class="fu" data-r="${role}" data-g="${group}" data-f="${frame}"${WIDE.test(html) ? ' data-w="1"' : ''}>${html}</div>`;

/** A unit set across the body's columns, as the flow designs' CSS `column-span: all` sets it: a data table, a grid of figures. */
const WIDE = /<table class="data">|class="figs grid3"/;

/**
 * One project as frame units, for the page script.
 * @param {object} p The project. @param {number} si Its section's index (named page).
 * @param {object} c The design's choices. @param {object[]} units Its units in reading order.
 */
export function framesProjectHtml(p, si, c, units) {
  const side = c.sidebar === 'none' ? 'none' : c.sidebar;
  const attrs = `data-page="sec${si}" data-cols="${c.columns}" data-side="${side}" data-margin="${c.headingPosition === 'margin' ? 1 : 0}" data-seed="${seedOf(`${c.id}-${p.numero}`)}"`;
  return `<div class="fsrc" ${attrs}>${units.map(unit).join('')}</div>`;
}

/** Style of the frames (only designs with frameOrder `frames` carry it). */
export function framesCss() {
  return `
.fsrc { position: absolute; left: 0; top: 0; width: 176mm; visibility: hidden; }
.fpage { position: relative; width: 176mm; height: ${PAGE_HEIGHT_MM}mm; break-before: page; overflow: hidden; }
.frame { position: absolute; box-sizing: border-box; }
.frame.side { margin: 0; float: none; }
.frame.box { margin: 0; }
.frame > .fu:last-child > :last-child { margin-bottom: 0; }
.frame .fu > h3:first-child { margin-top: 0; }
.frame.mhead h3 { margin: 0.5mm 0 0 0; }`;
}

/** Height of a frame page: the A4 page's content box (297 − 2 × 20 mm) less a millimetre and a half, so that a full page never spills onto a blank one. */
const PAGE_HEIGHT_MM = 255.5;

/**
 * The page script: random.mjs and frames-page.mjs as they are written (their text, not
 * `Function.prototype.toString`, which a test runner's transform would change), then the call.
 * An inline module script runs once the page is parsed, before the load event Chromium prints on.
 */
export function framesScript() {
  const text = (name) => readFileSync(join(here, name), 'utf8').trim();
  return `<script type="module">\n${text('random.mjs')}\n\n${text('frames-page.mjs')}\n\nlayoutFrames(random, shuffle, ${PAGE_HEIGHT_MM});\n</script>`;
}

/** What a printed frames design shows when a frame did not fit (generate.mjs fails on it). */
export const FRAME_OVERFLOW = 'FRAME OVERFLOW';
