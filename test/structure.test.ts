/**
 * Structure first (issue 8): sommaire forms, project starts confirmed by the document, the
 * sommaire fallback (partial, never a refusal), teams and tutors from their shape, and names in
 * any order and case.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readText } from '../src/extract/text.js';
import { splitPersonName, splitRosterLine } from '../src/normalise/names.js';
import { parseAuthorCards, parseTutorCards } from '../src/parse/people.js';
import { splitRubriques } from '../src/parse/rubriques.js';
import { runStages } from '../src/pipeline.js';
import { DEFAULT_VOCABULARY } from '../src/profile.js';
import { segmentDocument } from '../src/segment/index.js';
import { readSommaire } from '../src/segment/sommaire.js';
import type { Block } from '../src/types.js';

const block = (text: string): Block => ({ kind: 'paragraph', text, lines: text.split('\n').map((line) => ({ text: line, bold: null, size: null })), page: null });
const SYNTHETIC_TXT = readFileSync(new URL('../fixtures/synthetic-2031/input.txt', import.meta.url), 'utf8');

describe('sommaire forms', () => {
  const read = (...texts: string[]) => readSommaire(texts.map(block), 0, DEFAULT_VOCABULARY).entries.map((e) => [e.numero, e.texte, e.page, e.section]);
  it('reads « 01/ … / P05 », « PROJET 01 … p. 5 », « N° 1 » and bare page numbers', () => {
    expect(read('SECTION UNE', '01/', 'TITRE UN', 'ORGA UN', '/ P05', '02/', 'TITRE DEUX', '/ P07')).toEqual([[1, 'TITRE UN ORGA UN', 5, 'SECTION UNE'], [2, 'TITRE DEUX', 7, 'SECTION UNE']]);
    expect(read('PROJET 01', 'TITRE UN', 'p. 5', 'Projet n°2', 'TITRE DEUX', 'page 9')).toEqual([[1, 'TITRE UN', 5, ''], [2, 'TITRE DEUX', 9, '']]);
    expect(read('N° 1', 'TITRE UN', '5', 'N° 2', 'TITRE DEUX', '8')).toEqual([[1, 'TITRE UN', 5, ''], [2, 'TITRE DEUX', 8, '']]);
  });
  it('reads a dot leader, a title on the number\'s line, and the page first', () => {
    expect(read('01/ TITRE UN', 'ORGA UN ........ 5', '02/ TITRE DEUX ....... 7')).toEqual([[1, 'TITRE UN ORGA UN', 5, ''], [2, 'TITRE DEUX', 7, '']]);
    expect(read('P05', '01/', 'TITRE UN', 'P07', '02/', 'TITRE DEUX')).toEqual([[1, 'TITRE UN', 5, ''], [2, 'TITRE DEUX', 7, '']]);
  });
});

describe('project starts and the sommaire fallback', () => {
  it('finds a project by its label and title when its authors heading is unknown', () => {
    const text = SYNTHETIC_TXT.replace(/^AUTEURS DU PROJET$/gm, 'RÉDACTRICES ET RÉDACTEURS').replace(/^(\d\d)$/gm, 'PROJET $1');
    const segmented = segmentDocument(readText(text));
    expect(segmented.projects.map((p) => [p.numero, p.fromSommaireOnly ?? false])).toEqual([[1, false], [2, false], [3, false], [4, false]]);
  });
  it('writes a project whose start cannot be found from the sommaire, and says the document is partial', async () => {
    // Project 02's number and title are gone from the body: its blocks go to project 01, it is known from the sommaire only.
    const text = SYNTHETIC_TXT.replace(/\n02\n\n\*\*UN GUICHET UNIQUE POUR LES PROCHES AIDANTS\*\*\n/, '\n');
    expect(text).not.toBe(SYNTHETIC_TXT);
    const { document, partial } = await runStages(new TextEncoder().encode(text), { fileName: 'x.txt' });
    expect(partial).toBe(true);
    const projet = document.projets.find((p) => p.numero === 2)!;
    expect([projet.titre, projet.collectivite, projet.page, projet.auteurs]).toEqual(['UN GUICHET UNIQUE POUR LES PROCHES AIDANTS', 'DÉPARTEMENT DE LA HAUTE-VALMORE', 7, []]);
    expect(document.diagnostics.filter((d) => d.code === 'PROJECT_START_NOT_FOUND').map((d) => [d.projet, d.severity])).toEqual([[2, 'error']]);
  });
  it('refuses only a document with neither a numbered sommaire nor family e-mails', () => {
    expect(() => segmentDocument(readText('Un rapport annuel\n\nSans projet.'))).toThrow(/no numbered sommaire and no e-mail/);
    const segmented = segmentDocument(readText('Un rapport\n\nJeanne MOREAU\njeanne.moreau@administrateur-inet.org\n'));
    expect(segmented.diagnostics.map((d) => d.code)).toContain('PROJECTS_NOT_FOUND');
  });
});

describe('teams and tutors from their shape', () => {
  it('reads « NOM Prénom  e-mail » lines and table rows', () => {
    const cards = parseAuthorCards([block('MARCHETTI Lisa  lisa.marchetti@administrateur-inet.org\nLisa Marchetti | lisa.marchetti@administrateur-inet.org')]);
    expect(cards.map((c) => [c.name, c.details])).toEqual([['MARCHETTI Lisa', ['lisa.marchetti@administrateur-inet.org']], ['Lisa Marchetti', ['lisa.marchetti@administrateur-inet.org']]]);
  });
  it('reads a team with no heading after the body, and tutors with an unknown label', async () => {
    const text = SYNTHETIC_TXT.replace(/^AUTEURS DU PROJET\n\n/gm, '').replace(/^TUT(EUR|RICE)[^\n]*\n[^\n]*COLLECTIVIT[ÉE]\n/gm, 'ACCOMPAGNEMENT\n');
    const { document } = await runStages(new TextEncoder().encode(text), { fileName: 'x.txt' });
    const expected = JSON.parse(readFileSync(new URL('../fixtures/synthetic-2031/expected.json', import.meta.url), 'utf8'));
    expect(document.projets.map((p) => p.auteurs.map((a) => a.email))).toEqual(expected.projets.map((p: { auteurs: { email: string }[] }) => p.auteurs.map((a) => a.email)));
    expect(document.projets.map((p) => p.tuteurs.map((t) => t.nom))).toEqual(expected.projets.map((p: { tuteurs: { nom: string }[] }) => p.tuteurs.map((t) => t.nom)));
  });
});

describe('people on one line, inline labels, pull-quotes', () => {
  const split = (...texts: string[]) => splitRubriques(texts.map(block), DEFAULT_VOCABULARY, { projet: 1 }).rubriques.map((r) => [r.key, r.blocks.map((b) => b.text)]);
  it('reads a tutor and the role after a dash or a comma, and leaves a role with a comma whole', () => {
    const cards = parseTutorCards([block('Claire DURAND – Directrice générale des services\nMARTIN Paul, directeur de la culture, Ville de Nantes\nDirectrice adjointe, pôle ressources')]);
    expect(cards.map((c) => [c.name, c.details])).toEqual([
      ['Claire DURAND', ['Directrice générale des services']],
      ['MARTIN Paul', ['directeur de la culture, Ville de Nantes', 'Directrice adjointe, pôle ressources']],
    ]);
  });
  it('reads « Tuteur : Prénom NOM, fonction » as the tutors\' heading and their entry, and nothing else with a colon', () => {
    expect(split('CONTEXTE', 'La ville : un territoire en mutation.', 'Tuteur : Claire DURAND, directrice\nTuteur : Paul MARTIN, directeur')).toEqual([
      ['contexte', ['La ville : un territoire en mutation.']],
      ['tuteurs', ['Claire DURAND, directrice']],
      ['tuteurs', ['Paul MARTIN, directeur']],
    ]);
  });
  it('reads a labelled tutor whose name a narrow sidebar wrapped, at a space or at the hyphen of a compound name', () => {
    const line = (text: string, bold = false) => ({ text, bold, size: 0.81 });
    const sidebar = (...lines: ReturnType<typeof line>[]): Block => ({ kind: 'paragraph', text: lines.map((l) => l.text).join(' '), lines, page: 4 });
    const blocks = [
      block('CONTEXTE'),
      block('Un texte.'),
      sidebar(line('Encadrement : DURAND Noor-'), line('Yasmin, directrice adjointe')),
      // The name set in bold opened a block of its own on the next line.
      sidebar(line('Encadrement : MARTIN')),
      sidebar(line('DE LA ROCHE Paul, directeur', true), line('de la culture')),
    ];
    const split = splitRubriques(blocks, DEFAULT_VOCABULARY, { projet: 1 });
    expect(split.rubriques.map((r) => [r.key, r.blocks.map((b) => b.text)])).toEqual([
      ['contexte', ['Un texte.']],
      ['tuteurs', ['DURAND Noor-Yasmin, directrice adjointe']],
      ['tuteurs', ['MARTIN DE LA ROCHE Paul, directeur de la culture']],
    ]);
    // Set in the body's size, the next block is the text beside the sidebar: it stays apart.
    const body: Block = { kind: 'paragraph', text: 'La suite du texte courant.', lines: [{ text: 'La suite du texte courant.', bold: false, size: 1 }], page: 4 };
    const apart = splitRubriques([...blocks.slice(0, 3), sidebar(line('Encadrement : MARTIN')), body], DEFAULT_VOCABULARY, { projet: 1 });
    expect(apart.rubriques.flatMap((r) => r.blocks.map((b) => b.text))).toContain('La suite du texte courant.');
  });
  it('reads a margin heading on two lines read into the text beside it', () => {
    expect(split('CONTEXTE', 'Un texte.', "LA Le projet visait d'abord", 'PROBLÉMATIQUE à mesurer les effets de la réforme')).toEqual([
      ['contexte', ['Un texte.']], ['problematique', ["Le projet visait d'abord", 'à mesurer les effets de la réforme']],
    ]);
  });
  it('reads a quote and its signature ending a text rubrique as the testimony when no heading names it', () => {
    const body = 'Le projet a suivi trois étapes et associé les services.';
    expect(split('CONTEXTE', body, '« Une équipe à l’écoute. »', 'Léa Fontaine, directrice générale')).toEqual([
      ['contexte', [body]], ['temoignage', ['« Une équipe à l’écoute. »', 'Léa Fontaine, directrice générale']],
    ]);
    expect(split('CONTEXTE', body, 'Léa Fontaine, directrice générale', '« Une équipe', 'à l’écoute. »')[1]![0]).toBe('temoignage');
    // A quotation inside the text, with no signature, stays in it.
    expect(split('CONTEXTE', body, '« Une équipe à l’écoute. »', 'Elle a ensuite rendu ses conclusions aux élus.')).toHaveLength(1);
  });
  describe('pull-quotes told by their type (sizes relative to the body)', () => {
    const sized = (text: string, size: number, kind: Block['kind'] = 'paragraph'): Block => ({ kind, text, lines: text.split('\n').map((line) => ({ text: line, bold: false, size })), page: 3 });
    const body = sized('Le projet a suivi trois étapes et associé les services.', 1);
    const splitBlocks = (...blocks: Block[]) => splitRubriques([block('CONTEXTE'), body, ...blocks], DEFAULT_VOCABULARY, { projet: 1 });
    it('reads a larger run with neither « » nor signature as the testimony, reports it, and makes its indented blocks paragraphs', () => {
      const quote = [sized('Cette mission nous a permis de revoir\nnos méthodes de travail.', 1.1, 'listItem'), sized('Elle a été utile.', 0.8)];
      const split = splitBlocks(...quote);
      expect(split.rubriques.map((r) => [r.key, r.blocks.map((b) => [b.kind, b.text])])).toEqual([
        ['contexte', [['paragraph', body.text]]],
        ['temoignage', [['paragraph', quote[0]!.text], ['paragraph', 'Elle a été utile.']]],
      ]);
      expect(split.diagnostics.map((d) => d.code)).toEqual(['TESTIMONY_BY_TYPE']);
      // One larger line, or a run that stops mid-sentence, stays in the text.
      expect(splitBlocks(sized('Une seule ligne plus grande.', 1.1)).rubriques).toHaveLength(1);
      expect(splitBlocks(sized('Une phrase plus grande\nqui ne finit pas', 1.1)).rubriques).toHaveLength(1);
    });
    it('reads an interview: the signature set smaller over questions set smaller, each over its larger answer', () => {
      const interview = [
        sized('Léa Fontaine, directrice générale des services', 0.8),
        sized('Pourquoi faire appel à une équipe ?', 0.8),
        sized('« Pour un regard extérieur\nsur nos pratiques. »', 1.1),
        sized('Et pour la suite ?', 0.8),
        sized('« Nous allons poursuivre\nle travail engagé. »', 1.1),
      ];
      const split = splitBlocks(...interview);
      expect(split.rubriques.map((r) => [r.key, r.blocks.length])).toEqual([['contexte', 1], ['temoignage', 5]]);
      expect(split.diagnostics).toEqual([]);
    });
  });
});

describe('names in any order and case', () => {
  const split = (printed: string, email?: string) => splitPersonName(printed, { email: email ?? null }).personne;
  it('lets the e-mail decide the family name', () => {
    expect(split('Lisa Marchetti', 'lisa.marchetti@x.org')).toEqual({ prenom: 'Lisa', nom: 'Marchetti' });
    expect(split('Marchetti Lisa', 'lisa.marchetti@x.org')).toEqual({ prenom: 'Lisa', nom: 'Marchetti' });
    expect(split('LISA MARCHETTI', 'lisa.marchetti@x.org')).toEqual({ prenom: 'LISA', nom: 'MARCHETTI' });
    expect(split('MAËLLE LE GOFF', 'maelle.legoff@x.org')).toEqual({ prenom: 'MAËLLE', nom: 'LE GOFF' });
    expect(split('Jean-Pierre de La Fontaine', 'jean-pierre.delafontaine@x.org')).toEqual({ prenom: 'Jean-Pierre', nom: 'de La Fontaine' });
    expect(split('BRUNEAU-SALGADO Inès', 'ines.bruneausalgado@x.org')).toEqual({ prenom: 'Inès', nom: 'BRUNEAU-SALGADO' });
  });
  it('falls back on capitals, then on the usual order with particles', () => {
    expect(split('Claire LE MERRER')).toEqual({ prenom: 'Claire', nom: 'LE MERRER' });
    expect(split('VAN DER MEE Camille')).toEqual({ prenom: 'Camille', nom: 'VAN DER MEE' });
    expect(split('Anne-Sophie van der Berg')).toEqual({ prenom: 'Anne-Sophie', nom: 'van der Berg' });
    expect(split("Marc d' Alembert")).toEqual({ prenom: 'Marc', nom: "d' Alembert" });
  });
  it('says when capitals and the e-mail disagree', () => {
    const result = splitPersonName('MARTIN Paul', { email: 'martin.paul@x.org' });
    expect(result.by).toBe('email');
    expect(result.personne).toEqual({ prenom: 'MARTIN', nom: 'Paul' });
    expect(result.byCase).toEqual({ prenom: 'Paul', nom: 'MARTIN' });
  });
  it('reads roster lines in either order with the authors\' e-mails', () => {
    expect(splitRosterLine('Lisa MARCHETTI').personne).toEqual({ prenom: 'Lisa', nom: 'MARCHETTI' });
    expect(splitRosterLine('Lisa Marchetti', new Set(['lisa|marchetti'])).personne).toEqual({ prenom: 'Lisa', nom: 'Marchetti' });
    expect(splitRosterLine('MARCHETTI Lisa').personne).toEqual({ prenom: 'Lisa', nom: 'MARCHETTI' });
  });
});

describe('headings in sentence case', () => {
  const bold = (text: string, size = 0.9): Block => ({ kind: 'paragraph', text, lines: [{ text, bold: true, size }], page: 3 });
  const body = (text: string): Block => ({ kind: 'paragraph', text, lines: [{ text, bold: false, size: 0.8 }], page: 3 });
  const where = { projet: 5 };
  it('ends the references at a bold unknown heading whose content is not a reference, and keeps it as a box', () => {
    const blocks = [bold('Contexte'), body('Un texte.'), bold('Pour aller plus loin'), body('Étude qualitative, CNFPT, 2010.'),
      bold('Les profils des personnels'), body('UN HOMME à 78,4 %'), body('Titulaire 95 %')];
    const split = splitRubriques(blocks, DEFAULT_VOCABULARY, where);
    expect(split.rubriques.find((r) => r.key === 'allerPlusLoin')?.blocks.map((b) => b.text)).toEqual(['Étude qualitative, CNFPT, 2010.']);
    expect(split.unknown).toEqual([{ heading: 'Les profils des personnels', blocks: blocks.slice(5) }]);
    expect(split.diagnostics.map((d) => d.code)).toEqual(['RUBRIQUE_HEADING_UNKNOWN']);
  });
  it('does not take a line broken off a paragraph (« ressources. ») for the heading it spells', () => {
    const blocks = [bold('Des clés pour agir'), body('pour anticiper l\'avenir et préserver les'), body('ressources.'), body('Un autre paragraphe.')];
    const split = splitRubriques(blocks, DEFAULT_VOCABULARY, where);
    expect(split.rubriques.map((r) => r.key)).toEqual(['clesPourAgir']);
    expect(split.rubriques[0]!.blocks).toHaveLength(3);
  });
  it('gives the tutors a sidebar card read after the team (its heading beside it lifted out)', () => {
    const card = (name: string, role: string): Block => ({
      kind: 'paragraph', text: `${name} ${role}`, page: 3,
      lines: [{ text: name, bold: true, size: 0.9 }, { text: role, bold: false, size: 0.9 }],
    });
    const team = (line: string): Block => ({ kind: 'paragraph', text: line, lines: [{ text: line, bold: false, size: 0.8 }], page: 3 });
    const blocks = [bold('TUTEURS DANS LA COLLECTIVITÉ'), card('GAIFFE Aleksandra', 'Directrice générale adjointe'), bold('L’ÉQUIPE'),
      team('DAVID Julie julie.david@conservateur-inet.org'), team('KRIEF Steve steve.krief@administrateur-inet.org'),
      card('DE PINHO Sandra', 'Directrice Qualité et performance'), bold('CONTEXTE ET ENJEUX'), body('Un texte.')];
    const split = splitRubriques(blocks, DEFAULT_VOCABULARY, where);
    expect(split.rubriques.find((r) => r.key === 'tuteurs')?.blocks.map((b) => b.lines[0]!.text)).toEqual(['GAIFFE Aleksandra', 'DE PINHO Sandra']);
    expect(split.rubriques.find((r) => r.key === 'auteurs')?.blocks).toHaveLength(2);
  });
  it('gives back to the text the run-on under a sidebar of labelled tutor cards, one label per card', () => {
    const card = (label: string, role: string): Block => ({
      kind: 'paragraph', text: `${label} ${role}`, page: 3,
      lines: [{ text: label, bold: false, size: 0.7 }, { text: role, bold: false, size: 0.7 }],
    });
    const runOn = 'concrétisée par le lancement rapide de dispositifs et d\'aides individuelles destinées directement aux habitants, dans toutes les antennes de la région.';
    const blocks = [bold('Le contexte'), body('Portant sur la culture usager, la mission a suivi une ambition nouvelle : celle de la proximité. Celle-ci s\'est'),
      card('Encadrement : GAIFFE', 'Aleksandra, Directrice générale'), card('Encadrement : DE PINHO', 'Sandra, Directrice Qualité et performance'), body(runOn)];
    const split = splitRubriques(blocks, DEFAULT_VOCABULARY, where);
    expect(split.rubriques.find((r) => r.key === 'contexte')?.blocks.map((b) => b.text).at(-1)).toBe(runOn);
    expect(split.rubriques.filter((r) => r.key === 'tuteurs').flatMap((r) => r.blocks).map((b) => b.text).join(' ')).not.toContain('concrétisée');
    // Cards printed after a text that ends its sentence are not a float: what follows them stays.
    const ended = [...blocks.slice(0, 1), body('La mission a suivi une ambition nouvelle : celle de la proximité avec les habitants du territoire.'), ...blocks.slice(2)];
    const after = splitRubriques(ended, DEFAULT_VOCABULARY, where);
    expect(after.rubriques.find((r) => r.key === 'contexte')?.blocks.map((b) => b.text)).not.toContain(runOn);
  });
  it('does not take a tutor\'s name in bold for a heading', () => {
    const blocks = [bold('Contexte'), body('Un texte.'), bold('Pour aller plus loin'), body('Étude qualitative, CNFPT, 2010.'),
      bold('GOUJAT Amandine'), body('Responsable de service')];
    expect(splitRubriques(blocks, DEFAULT_VOCABULARY, where).unknown).toEqual([]);
  });
});
