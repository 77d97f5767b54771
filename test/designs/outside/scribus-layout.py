# Lays out a brochure plan (written by scribus.mjs) with Scribus, as a desktop publisher would:
# text frames at fixed positions, the project body as one story through linked frames, then
# exports the PDF with Scribus's own PDF writer. Runs inside Scribus:
#   xvfb-run -a scribus -g -ns -py scribus-layout.py PLAN.json OUT.pdf
# On every page the frames' z-order (the order the PDF writes them) is shuffled with a fixed seed.
import json
import random
import sys

import scribus

PLAN, OUT = sys.argv[1], sys.argv[2]
SEED = 2031

# Page geometry (mm): A4, margins.
PAGE_W, PAGE_H = 210.0, 297.0
LEFT, RIGHT, TOP, BOTTOM = 18.0, 18.0, 22.0, 22.0
WIDTH = PAGE_W - LEFT - RIGHT
COLUMN_GAP = 7.0
GRID_GAP = 5.0
SANS, SANS_BOLD, SANS_ITALIC = 'Liberation Sans Regular', 'Liberation Sans Bold', 'Liberation Sans Italic'
SERIF, SERIF_ITALIC = 'C059 Roman', 'C059 Italic'

counter = [0]
page_items = {}


def frame(page, x, y, w, h, text, style):
    """A text frame on `page` holding `text` in paragraph style `style` (paragraphs split on \n)."""
    counter[0] += 1
    name = 'f%05d' % counter[0]
    scribus.gotoPage(page)
    scribus.createText(x, y, w, h, name)
    scribus.setTextDistances(0, 0, 0, 0, name)
    if text:
        scribus.setText(text, name)
        scribus.setParagraphStyle(style, name)
    page_items.setdefault(page, []).append(name)
    return name


def styled(name, runs):
    """Sets paragraphs [(style, text)] into frame `name`, one paragraph style each."""
    scribus.setText('\r'.join(text for _, text in runs), name)
    start = 0
    for style, text in runs:
        scribus.selectText(start, max(1, len(text)), name)
        scribus.setParagraphStyle(style, name)
        start += len(text) + 1
    scribus.selectText(0, 0, name)


def fit(name, step=0.5, limit=250.0):
    """Grows frame `name` until its text no longer overflows; returns its height."""
    w, h = scribus.getSize(name)
    while scribus.textOverflows(name, 1) and h < limit:
        h += step
        scribus.sizeObject(w, h, name)
    return h


def rect(page, x, y, w, h, colour):
    counter[0] += 1
    name = 'r%05d' % counter[0]
    scribus.gotoPage(page)
    scribus.createRect(x, y, w, h, name)
    scribus.setFillColor(colour, name)
    scribus.setLineColor('None', name)
    page_items.setdefault(page, []).append(name)
    return name


def new_page():
    scribus.newPage(-1)
    return scribus.pageCount()


def styles():
    scribus.defineColorRGB('Ink', 20, 70, 120)
    scribus.defineColorRGB('Grey', 100, 100, 110)
    scribus.defineColorRGB('Pale', 225, 232, 240)
    chars = {
        'body': dict(font=SERIF, fontsize=9.5),
        'italic': dict(font=SERIF_ITALIC, fontsize=9.5),
        'sans': dict(font=SANS, fontsize=8.5),
        'sansbold': dict(font=SANS_BOLD, fontsize=8.5),
        'small': dict(font=SANS, fontsize=7.5, fillcolor='Grey'),
        'head': dict(font=SANS_BOLD, fontsize=9, fillcolor='Ink'),
        'title': dict(font=SANS_BOLD, fontsize=17, fillcolor='Ink'),
        'coll': dict(font=SERIF_ITALIC, fontsize=11),
        'number': dict(font=SANS_BOLD, fontsize=40, fillcolor='Ink'),
        'figure': dict(font=SANS_BOLD, fontsize=17, fillcolor='Ink'),
        'cover': dict(font=SANS_BOLD, fontsize=28, fillcolor='Ink'),
        'coverline': dict(font=SANS, fontsize=11),
        'edition': dict(font=SANS_BOLD, fontsize=20),
        'divider': dict(font=SANS_BOLD, fontsize=96, fillcolor='Pale'),
        'section': dict(font=SANS_BOLD, fontsize=22, fillcolor='Ink'),
        'roster': dict(font=SANS, fontsize=9),
        'rosterhead': dict(font=SANS_BOLD, fontsize=12, fillcolor='Ink'),
    }
    for name, spec in chars.items():
        scribus.createCharStyle(name='c-' + name, **spec)
    paras = {
        'body': ('body', 12, 3, 0, 0, 3),
        'bullet': ('body', 12, 3, 4, -4, 2),
        'quote': ('italic', 12, 3, 4, 0, 3),
        'signature': ('body', 12, 2, 0, 0, 3),
        'reference': ('body', 11, 0, 4, -4, 2),
        'row': ('sans', 10.5, 0, 0, 0, 2),
        'head': ('head', 12, 0, 0, 0, 2),
        'boxhead': ('sansbold', 11, 0, 0, 0, 1),
        'boxbody': ('sans', 10.5, 0, 0, 0, 2),
        'cell': ('sans', 10.5, 0, 0, 0, 0),
        'cellbold': ('sansbold', 10.5, 0, 0, 0, 0),
        'cellright': ('sansbold', 10.5, 2, 0, 0, 0),
        'cellcoll': ('italic', 11, 0, 0, 0, 0),
        'small': ('small', 9, 0, 0, 0, 0),
        'smallright': ('small', 9, 2, 0, 0, 0),
        'title': ('title', 20, 0, 0, 0, 0),
        'coll': ('coll', 13, 0, 0, 0, 0),
        'number': ('number', 44, 0, 0, 0, 0),
        'figure': ('figure', 19, 0, 0, 0, 0),
        'cover': ('cover', 32, 1, 0, 0, 0),
        'coverline': ('coverline', 15, 1, 0, 0, 0),
        'edition': ('edition', 24, 1, 0, 0, 0),
        'divider': ('divider', 100, 0, 0, 0, 0),
        'section': ('section', 26, 0, 0, 0, 0),
        'sommaire': ('section', 26, 0, 0, 0, 0),
        'roster': ('roster', 13, 0, 0, 0, 0),
        'rosterhead': ('rosterhead', 15, 0, 0, 0, 0),
    }
    for name, (char, leading, align, left, first, after) in paras.items():
        scribus.createParagraphStyle(name=name, linespacingmode=0, linespacing=leading, alignment=align,
                                     leftmargin=left * 72 / 25.4, firstindent=first * 72 / 25.4, gapafter=after,
                                     charstyle='c-' + char)


def folio(page):
    """The page number at the outer corner (odd pages right, even left)."""
    if page % 2:
        frame(page, PAGE_W - RIGHT - 20, PAGE_H - 14, 20, 5, str(page), 'smallright')
    else:
        frame(page, LEFT, PAGE_H - 14, 20, 5, str(page), 'small')


def running(page, text):
    frame(page, LEFT, 10, WIDTH, 5, text, 'small')


def cover(plan):
    c = plan['cover']
    page = 1
    if c['date']:
        frame(page, LEFT, 230, WIDTH, 8, c['date'], 'coverline')
    frame(page, LEFT, 205, WIDTH, 12, c['edition'], 'edition')
    promos = frame(page, LEFT, 140, WIDTH, 10, '\r'.join(c['promotions']), 'coverline')
    fit(promos)
    frame(page, LEFT, 118, WIDTH, 16, '\r'.join(c['lines']), 'coverline')
    title = frame(page, LEFT, 70, WIDTH, 20, c['titre'], 'cover')
    fit(title)


def sommaire(plan):
    """Cell frames: number | title over collectivité | page, created column by column."""
    page = new_page()
    frame(page, LEFT, TOP, WIDTH, 12, 'SOMMAIRE', 'sommaire')
    y = TOP + 18
    numbers, pages = [], []
    for section in plan['sommaire']:
        if y + 20 > PAGE_H - BOTTOM:
            folio(page)
            page, y = new_page(), TOP
        head = frame(page, LEFT, y, WIDTH, 6, section['titre'], 'head')
        y += fit(head) + 3
        for entry in section['entries']:
            title = frame(page, LEFT + 14, y, WIDTH - 34, 5, '', 'cell')
            styled(title, [('cellbold', entry['titre']), ('cellcoll', entry['collectivite'])])
            h = fit(title)
            if y + h > PAGE_H - BOTTOM:
                scribus.deleteObject(title)
                page_items[page].remove(title)
                folio(page)
                page, y = new_page(), TOP
                title = frame(page, LEFT + 14, y, WIDTH - 34, 5, '', 'cell')
                styled(title, [('cellbold', entry['titre']), ('cellcoll', entry['collectivite'])])
                h = fit(title)
            numbers.append((page, y, entry['numero']))
            pages.append((page, y, entry['page']))
            y += h + 4
    for p, yy, text in pages:
        frame(p, PAGE_W - RIGHT - 14, yy, 14, 5, text, 'cellright')
    for p, yy, text in numbers:
        frame(p, LEFT, yy, 12, 5, text, 'cellbold')
    folio(page)


def divider(section):
    page = new_page()
    frame(page, LEFT, 150, WIDTH, 40, section['titre'], 'section')
    frame(page, LEFT, 95, 80, 45, section['numero'], 'divider')
    folio(page)


def grid(page, y, rows, widths, styles_, gap=GRID_GAP, row_gap=1.5):
    """Rows of cells (one frame each), created column by column; returns the y under the grid."""
    xs = [LEFT]
    for w in widths[:-1]:
        xs.append(xs[-1] + w + gap)
    heights = []
    for r, row in enumerate(rows):
        height = 0
        for c, text in enumerate(row):
            name = frame(page, xs[c], y, widths[c], 4, text, styles_[c])
            height = max(height, fit(name))
        heights.append(height)
        y += height + row_gap
    return y


def project_page(page, section, plan):
    running(page, plan['running'])
    frame(page, PAGE_W - RIGHT - 80, 10, 80, 5, section['titre'], 'smallright')
    folio(page)


def story_frames(page, y, previous):
    """Two linked column frames from `y` to the foot of `page`; returns the right one."""
    col = (WIDTH - COLUMN_GAP) / 2
    left = frame(page, LEFT, y, col, PAGE_H - BOTTOM - y, '', 'body')
    right = frame(page, LEFT + col + COLUMN_GAP, y, col, PAGE_H - BOTTOM - y, '', 'body')
    if previous:
        scribus.linkTextFrames(previous, left)
    scribus.linkTextFrames(left, right)
    return left, right


def project(section, p, plan):
    page = new_page()
    project_page(page, section, plan)
    title = frame(page, LEFT + 30, TOP, WIDTH - 30, 8, p['titre'], 'title')
    y = TOP + fit(title) + 1
    coll = frame(page, LEFT + 30, y, WIDTH - 30, 5, p['collectivite'], 'coll')
    y += fit(coll)
    frame(page, LEFT, TOP - 3, 28, 18, p['numero'], 'number')
    y = max(y, TOP + 18) + 6
    head = frame(page, LEFT, y, WIDTH, 5, 'LES AUTEURS', 'head')
    y += fit(head) + 1.5
    y = grid(page, y, p['auteurs'], [62, WIDTH - 62 - GRID_GAP], ['cellbold', 'cell']) + 4
    if p['tuteurs']:
        head = frame(page, LEFT, y, WIDTH, 5, p['tutorHeading'], 'head')
        y += fit(head) + 1.5
        y = grid(page, y, p['tuteurs'], [62, WIDTH - 62 - GRID_GAP], ['cellbold', 'cell']) + 4
    if p['chiffres']:
        head = frame(page, LEFT, y, WIDTH, 5, 'LES CHIFFRES', 'head')
        y += fit(head) + 2
        cell = (WIDTH - 2 * GRID_GAP) / 3
        for i in range(0, len(p['chiffres']), 3):
            row = p['chiffres'][i:i + 3]
            labels = []
            for c, (valeur, libelle) in enumerate(row):
                labels.append(frame(page, LEFT + c * (cell + GRID_GAP), y + 8, cell, 4, libelle, 'cell'))
            label_h = max(fit(name) for name in labels)
            for c, (valeur, libelle) in enumerate(row):
                frame(page, LEFT + c * (cell + GRID_GAP), y, cell, 8, valeur, 'figure')
            y += 8 + label_h + 4
        y += 2
    rect(page, LEFT, y, WIDTH, 0.4, 'Ink')
    y += 4
    if PAGE_H - BOTTOM - y < 40:
        page = new_page()
        project_page(page, section, plan)
        y = TOP
    first, last = story_frames(page, y, None)
    styled(first, p['story'])
    while scribus.textOverflows(last, 1):
        page = new_page()
        project_page(page, section, plan)
        _, last = story_frames(page, TOP, last)


def rosters(plan):
    page = new_page()
    folio(page)
    y = TOP
    col = (WIDTH - 2 * GRID_GAP) / 3
    leading = 13 * 25.4 / 72
    for roster in plan['rosters']:
        head = frame(page, LEFT, y, WIDTH, 6, roster['titre'], 'rosterhead')
        y += fit(head) + 2
        rows = (len(roster['membres']) + 2) // 3
        height = rows * leading + 0.5
        frames = [frame(page, LEFT + c * (col + GRID_GAP), y, col, height, '', 'roster') for c in range(3)]
        scribus.linkTextFrames(frames[0], frames[1])
        scribus.linkTextFrames(frames[1], frames[2])
        styled(frames[0], [('roster', m) for m in roster['membres']])
        while scribus.textOverflows(frames[2], 1):
            height += leading
            for name in frames:
                scribus.sizeObject(col, height, name)
        y += height + 8


def shuffle_pages():
    """Writes every page's frames in a seeded shuffled order (the PDF follows the z-order)."""
    rng = random.Random(SEED)
    for page in sorted(page_items):
        names = list(page_items[page])
        rng.shuffle(names)
        for name in names:
            scribus.deselectAll()
            scribus.selectObject(name)
            scribus.moveSelectionToFront()
    scribus.deselectAll()


def main():
    with open(PLAN, encoding='utf-8') as f:
        plan = json.load(f)
    scribus.newDocument(scribus.PAPER_A4_MM, (LEFT, RIGHT, TOP, BOTTOM), scribus.PORTRAIT, 1, scribus.UNIT_MILLIMETERS,
                        scribus.PAGE_1, 0, 1)
    styles()
    cover(plan)
    sommaire(plan)
    for section in plan['sections']:
        divider(section)
        for p in section['projets']:
            project(section, p, plan)
    rosters(plan)
    shuffle_pages()
    pdf = scribus.PDFfile()
    pdf.file = OUT
    pdf.save()
    scribus.closeDoc()


main()
