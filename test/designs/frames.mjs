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
import { random, seedOf } from './random.mjs';

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
 * Lays out every `.fsrc` of the document (runs in the page; serialised by `framesScript`).
 * Geometry in millimetres, converted with the CSS pixel (96 per inch).
 */
function layoutFrames(random, PAGE_HEIGHT_MM) {
  const MM = 96 / 25.4;
  const PAGE_W = 176 * MM;
  const PAGE_H = PAGE_HEIGHT_MM * MM;
  const COLUMN_GAP = 7 * MM; // as the flow designs' column-gap
  const FRAME_GAP = 3 * MM; // between two frames of a column
  const SIDE_W = 60 * MM; // as the flow designs' sidebar
  const SIDE_GAP = 6 * MM;
  const MARGIN_W = 38 * MM; // headings in the margin: as the flow designs' left margin column
  const MARGIN_HEAD_W = 34 * MM;
  const MIN_WORDS = 6; // a paragraph is cut only when at least this many words stay before the cut
  const overflow = [];

  for (const src of [...document.querySelectorAll('.fsrc')]) {
    const { cols: colsText, side, margin: marginText, seed, page: named } = src.dataset;
    const cols = Number(colsText);
    const margin = marginText === '1';
    const units = [...src.children];
    const pages = [];
    let page = null;
    const newPage = () => {
      page = document.createElement('div');
      page.className = 'fpage';
      page.style.page = named;
      src.before(page);
      pages.push(page);
    };
    const frame = (x, y, w, cls) => {
      const f = document.createElement('div');
      f.className = `frame ${cls}`;
      f.style.left = `${x}px`;
      f.style.top = `${y}px`;
      f.style.width = `${w}px`;
      page.append(f);
      return f;
    };
    const bottom = (el) => el.offsetTop + el.offsetHeight;
    const fits = (f) => bottom(f) <= PAGE_H;

    // First page: the head (label, title, collectivité) across the page.
    newPage();
    let y = 0;
    for (const u of units.filter((x) => x.dataset.r === 'head')) {
      const f = frame(0, y, PAGE_W, u.dataset.f);
      f.append(u);
      y = bottom(f) + FRAME_GAP;
    }
    // The team and tutors before the body across the page (a team table is as wide as its longest e-mail), then the sidebar beside the body.
    for (const u of units.filter((x) => x.dataset.r === 'top')) {
      const f = frame(0, y, PAGE_W, u.dataset.f);
      f.append(u);
      y = bottom(f) + FRAME_GAP;
    }
    let x0 = 0;
    let width = PAGE_W;
    const sideUnits = units.filter((u) => u.dataset.r === 'side');
    if (side !== 'none' && sideUnits.length) {
      const f = frame(side === 'left' ? 0 : PAGE_W - SIDE_W, y, SIDE_W, 'side');
      for (const u of sideUnits) f.append(u);
      if (side === 'left') x0 = SIDE_W + SIDE_GAP;
      width -= SIDE_W + SIDE_GAP;
    }

    // The body: columns of frames, page after page.
    let region = { x0: x0 + (margin ? MARGIN_W : 0), width: width - (margin ? MARGIN_W : 0), top: y };
    let col = 0;
    let inColumn = [];
    let current = null; // the frame the next unit of the same group joins
    const colWidth = () => (region.width - (cols - 1) * COLUMN_GAP) / cols;
    const colX = () => region.x0 + col * (colWidth() + COLUMN_GAP);
    const nextColumn = () => {
      current = null;
      inColumn = [];
      col += 1;
      if (col < cols) return;
      col = 0;
      newPage();
      region = { x0: margin ? MARGIN_W : 0, width: PAGE_W - (margin ? MARGIN_W : 0), top: 0 };
    };
    const columnTop = () => (inColumn.length ? Math.max(...inColumn.map(bottom)) + FRAME_GAP : region.top);
    // The unit's last paragraph cut between words (or its last table between rows): what fits stays,
    // the rest is returned as a new unit with the same wrappers (a figure's label, a quotation).
    const cutParagraph = (u, f) => {
      const chain = [u];
      while (chain.at(-1).lastElementChild?.tagName === 'DIV') chain.push(chain.at(-1).lastElementChild);
      const p = chain.at(-1).lastElementChild;
      if (!p || (p.tagName !== 'P' && p.tagName !== 'TABLE')) return null;
      const table = p.tagName === 'TABLE';
      const holder = table ? p.querySelector('tbody') ?? p : p;
      const tokens = table ? [...holder.children] : [...p.childNodes].flatMap((n) => (n.nodeType === 3 ? n.data.match(/\s*\S+\s*/g) ?? [] : [n]));
      const count = (k) => (table ? k : tokens.slice(0, k).filter((t) => typeof t === 'string').length);
      const least = table ? 1 : MIN_WORDS;
      if (count(tokens.length) < 2 * least) return null;
      const node = (t) => (typeof t === 'string' ? document.createTextNode(t) : t);
      const fill = (k) => holder.replaceChildren(...tokens.slice(0, k).map(node));
      let lo = 0;
      let hi = tokens.length - 1;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        fill(mid);
        if (fits(f)) lo = mid;
        else hi = mid - 1;
      }
      if (count(lo) < least || tokens.length - lo < (table ? 1 : 2)) {
        fill(tokens.length);
        return null;
      }
      fill(lo);
      const clones = chain.map((el) => el.cloneNode(false));
      clones.forEach((el, i) => clones[i + 1] && el.append(clones[i + 1]));
      const p2 = p.cloneNode(false);
      const holder2 = table && holder !== p ? p2.appendChild(holder.cloneNode(false)) : p2;
      const tail = tokens.slice(lo).map(node);
      if (tail[0]?.nodeType === 3) tail[0].data = tail[0].data.trimStart();
      holder2.append(...tail);
      clones.at(-1).append(p2);
      return clones[0];
    };
    let pendingHeading = null; // a heading in the margin, placed beside its rubrique's first frame
    const queue = units.filter((u) => u.dataset.r === 'flow' || u.dataset.r === 'mhead');
    while (queue.length) {
      const u = queue.shift();
      if (u.dataset.r === 'mhead') {
        pendingHeading = u;
        current = null;
        continue;
      }
      if (u.dataset.w) {
        // Across the columns, under the lowest frame of the region; the columns start again under it.
        const below = [...page.children].filter((f) => f.offsetTop >= region.top && !f.classList.contains('side')).map(bottom);
        const f = frame(region.x0, below.length ? Math.max(...below) + FRAME_GAP : region.top, region.width, u.dataset.f);
        f.append(u);
        if (pendingHeading) {
          const head = frame(region.x0 - MARGIN_W, f.offsetTop, MARGIN_HEAD_W, 'mhead');
          head.append(pendingHeading);
          pendingHeading = null;
        }
        if (!fits(f) && (region.top > 0 || below.length > 0)) {
          queue.unshift(u);
          for (const g of [...page.children].filter((x) => x.offsetTop === f.offsetTop && (x === f || x.className.includes('mhead')))) {
            if (g !== f) queue.unshift(g.firstElementChild);
            g.remove();
          }
          col = cols - 1;
          nextColumn();
          continue;
        }
        if (!fits(f)) overflow.push(f);
        region = { ...region, top: bottom(f) + FRAME_GAP };
        col = 0;
        inColumn = [];
        current = null;
        continue;
      }
      const joins = current && current.dataset.g === u.dataset.g;
      const f = joins ? current : frame(colX(), columnTop(), colWidth(), u.dataset.f);
      f.dataset.g = u.dataset.g;
      const fresh = !joins && inColumn.length === 0 && region.top === 0;
      f.append(u);
      let head = null;
      if (pendingHeading && !joins) {
        head = frame(region.x0 - MARGIN_W, f.offsetTop, MARGIN_HEAD_W, 'mhead');
        head.append(pendingHeading);
      }
      if (fits(f) && (!head || fits(head))) {
        if (!joins) inColumn.push(f);
        if (head) inColumn.push(head);
        pendingHeading = null;
        current = f;
        continue;
      }
      const rest = !head || fits(head) ? cutParagraph(u, f) : null;
      if (rest) {
        if (!joins) inColumn.push(f);
        if (head) inColumn.push(head);
        pendingHeading = null;
        queue.unshift(rest);
        nextColumn();
        continue;
      }
      if (fresh) {
        // Taller than an empty page's column and not cut: kept, and reported.
        inColumn.push(f, ...(head ? [head] : []));
        overflow.push(f);
        pendingHeading = null;
        current = f;
        continue;
      }
      u.remove();
      if (!joins) f.remove();
      if (head) head.remove();
      queue.unshift(u);
      if (head) queue.unshift(pendingHeading);
      pendingHeading = null;
      nextColumn();
    }

    // The team and tutors after the body: across the page under the lowest frame, or on a new page.
    for (const u of units.filter((x) => x.dataset.r === 'end')) {
      const below = [...page.children].map(bottom);
      let f = frame(0, below.length ? Math.max(...below) + FRAME_GAP : 0, PAGE_W, u.dataset.f);
      f.append(u);
      if (!fits(f) && below.length) {
        f.remove();
        newPage();
        f = frame(0, 0, PAGE_W, u.dataset.f);
        f.append(u);
      }
      if (!fits(f)) overflow.push(f);
    }

    // Each page's frames in a shuffled order: the order they are painted, hence written into the PDF.
    const r = random(Number(seed));
    for (const pg of pages) {
      const frames = [...pg.children];
      for (let i = frames.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [frames[i], frames[j]] = [frames[j], frames[i]];
      }
      pg.replaceChildren(...frames);
    }
    src.remove();
  }
  for (const f of document.querySelectorAll('.frame')) if (f.scrollWidth > f.clientWidth + 1) overflow.push(f);
  for (const f of overflow) f.dataset.overflow = `${f.scrollWidth}x${f.scrollHeight} > ${f.clientWidth}x${f.clientHeight}`; // for --dump-dom when debugging
  if (overflow.length) document.body.insertAdjacentHTML('afterbegin', `<p>FRAME OVERFLOW ${overflow.length}</p>`);
}

/** The page script: `layoutFrames` with its random generator, run where it stands (end of body). */
export function framesScript() {
  return `<script>\n${random.toString()}\n${layoutFrames.toString()}\nlayoutFrames(random, ${PAGE_HEIGHT_MM});\n</script>`;
}

/** What a printed frames design shows when a frame did not fit (generate.mjs fails on it). */
export const FRAME_OVERFLOW = 'FRAME OVERFLOW';
