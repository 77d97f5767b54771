/**
 * The frames layout that runs in the page (frameOrder `frames`, see frames.mjs): its text is
 * embedded in each frames design's HTML after random.mjs's, so this file imports nothing.
 */

/**
 * Lays out every `.fsrc` of the document (runs in the page; serialised by `framesScript`).
 * Geometry in millimetres, converted with the CSS pixel (96 per inch).
 */
export function layoutFrames(random, shuffle, PAGE_HEIGHT_MM) {
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
    for (const pg of pages) pg.replaceChildren(...shuffle([...pg.children], r));
    src.remove();
  }
  for (const f of document.querySelectorAll('.frame')) if (f.scrollWidth > f.clientWidth + 1) overflow.push(f);
  for (const f of overflow) f.dataset.overflow = `${f.scrollWidth}x${f.scrollHeight} > ${f.clientWidth}x${f.clientHeight}`; // for --dump-dom when debugging
  if (overflow.length) document.body.insertAdjacentHTML('afterbegin', `<p>FRAME OVERFLOW ${overflow.length}</p>`);
}
