#!/usr/bin/env python3
"""Re-lays fixtures/synthetic-2031/source.html in the design of issue 8's example, same content:
single column, the team under « L'ÉQUIPE » with one line per person « NOM Prénom  e-mail », tutors
in a sidebar at the right, a « PROJET 01 » label over the title, sommaire entries « PROJET 01 … p. 5 ».

  python3 test/tools/relay-synthetic.py OUT.html [--names prenom-nom|title|caps] [--label "N°"] [--toc dots]
                                                [--team-heading TEXT] [--tutor-heading TEXT] [--roster prenom-nom]
  python3 test/tools/relay-synthetic.py OUT.html --rename "AUTEURS DU PROJET=RÉDACTRICES ET RÉDACTEURS" ...

Then print OUT.html with headless Chromium (see make-synthetic.sh for the flags). With --rename
only rubrique headings of the original design are renamed (input of the profile test).
"""
import re, sys, pathlib

root = pathlib.Path(__file__).resolve().parents[2]
src = (root / 'fixtures/synthetic-2031/source.html').read_text(encoding='utf-8')
out = sys.argv[1]
if '--rename' in sys.argv:
    for pair in sys.argv[sys.argv.index('--rename') + 1:]:
        old, new = pair.split('=', 1)
        src = re.sub(r'(<div class="(?:side-h|rub)[^"]*">)' + re.escape(old) + '</div>', lambda m: m.group(1) + new + '</div>', src)
    pathlib.Path(out).write_text(src, encoding='utf-8')
    sys.exit(0)

def opt(name, default=None):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default

names = opt('--names')
label = opt('--label', 'PROJET')
team_heading = opt('--team-heading', "L'ÉQUIPE")
tutor_heading = opt('--tutor-heading')

def person(name):
    """Reprints a « NOM Prénom » card name in the order and case asked."""
    words = name.split()
    family = [w for w in words if w.isupper() and len(w) > 1 or w in ('LE',)]
    given = [w for w in words if w not in family]
    if names == 'prenom-nom':
        return ' '.join(given + family)
    if names == 'title':
        return ' '.join(given + [w.capitalize() if '-' not in w else '-'.join(p.capitalize() for p in w.split('-')) for w in family])
    if names == 'caps':
        return ' '.join(w.upper() for w in given + family)
    return name

def person_roster(line):
    words = line.split()
    family = [w for w in words if w.isupper() and len(w) > 1 or w == 'LE']
    return [w for w in words if w not in family] + family

css = """
  .num { font: bold 12pt 'Liberation Sans', sans-serif; letter-spacing: 0.12em; top: 20mm; }
  .head { top: 28mm; right: 62mm; }
  .split { top: 58mm; }
  .main { left: 0; right: 62mm; }
  .sidebar { left: auto; right: 0; width: 54mm; bottom: auto; }
  .team { margin: 0 0 4mm 0; font-family: 'Liberation Sans', sans-serif; }
  .team .h { font: bold 9.5pt 'Liberation Sans', sans-serif; letter-spacing: 0.06em; color: #0b6b6b; margin: 0 0 2mm 0; }
  .team .row { font-size: 8.5pt; margin-bottom: 1.2mm; }
  .team .row b { font-weight: bold; }
  .team .row span { margin-left: 4mm; color: #333; }
"""
src = src.replace('</style>', css + '</style>')
# « PROJET 01 » label over the title
src = re.sub(r'<div class="num">(\d\d)</div>', lambda m: f'<div class="num">{label} {m.group(1) if label == "PROJET" else int(m.group(1))}</div>', src)
# sommaire: « PROJET 01 » and « p. 5 »
src = re.sub(r'<div class="no">(\d\d)/</div>', r'<div class="no" style="width:30mm;font-size:10pt">PROJET \1</div>', src)
if opt('--toc') == 'dots':
    src = re.sub(r'<span>([^<]*)</span></div><div class="pg">/ P0?(\d+)</div>', r'<span>\1 ........ \2</span></div><div class="pg"></div>', src)
else:
    src = re.sub(r'<div class="pg">/ P0?(\d+)</div>', r'<div class="pg">p. \1</div>', src)

def relay(match):
    sidebar = match.group(1)
    authors_part, tutors_part = sidebar.split('<div class="side-h second">', 1)
    cards = re.findall(r'<div class="card"><div class="n">(.*?)</div><div class="m">(.*?)</div></div>', authors_part)
    team = f'<div class="team"><div class="h">{team_heading}</div>' + ''.join(
        f'<div class="row"><b>{person(name)}</b><span>{mail}</span></div>' for name, mail in cards) + '</div>'
    if tutor_heading:
        tutors_part = re.sub(r'^[^<]*</div>', tutor_heading + '</div>', tutors_part)
    tutors_part = re.sub(r'<div class="n">(.*?)</div>', lambda m: f'<div class="n">{person(m.group(1))}</div>', tutors_part)
    side = '<div class="sidebar"><div class="side-h">' + tutors_part.rstrip()
    return side + '\n    </div>\n    <div class="main">\n      ' + team
src = re.sub(r'<div class="sidebar">\s*<div class="side-h">AUTEURS DU PROJET</div>(.*?)</div>\s*<div class="main">', relay, src, flags=re.S)
if opt('--roster') == 'prenom-nom':
    src = re.sub(r'(<div class="roster">.*?</div>\s*</div>)', lambda m: re.sub(r'<div>([^<]*)</div>', lambda n: '<div>' + ' '.join(person_roster(n.group(1))) + '</div>', m.group(1)), src, flags=re.S)
pathlib.Path(out).write_text(src, encoding='utf-8')
