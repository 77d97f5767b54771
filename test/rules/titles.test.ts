/**
 * A project's title and collectivité under its number (src/parse/index.ts, `readTitle`): the
 * collectivité parted from title lines a converter ran into its block, by the lines the project's
 * sommaire entry ends with (`collectivite-line-of-entry`).
 */
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../src/parse/index.js';
import type { ProjectBlock, SommaireEntry } from '../../src/types.js';
import { block, line } from '../helpers/blocks.js';

/** A converter-text project: its number, the title block given, the authors' heading, a team and a rubrique. */
function project(titleLines: readonly string[]): ProjectBlock {
  const heading = block('03');
  const blocks = [block(titleLines), block('LES AUTEURS'), block(['Anne DURAND', 'anne.durand@administrateur-inet.org']), block('CONTEXTE'), block('La ville souhaitait revoir son organisation.')];
  return { numero: 3, section: 'AGIR ENSEMBLE', heading, blocks };
}

const entry = (lines: readonly string[]): SommaireEntry => ({ numero: 3, section: 'AGIR ENSEMBLE', texte: lines.join(' '), lines: lines.map(line), page: 9 });

describe('a title run into one block with its collectivité', () => {
  it('is parted at the lines the sommaire entry ends with, the title wrapped otherwise there', () => {
    const parsed = parseProject(project(['UN TITRE DE PROJET SUR', 'DEUX LIGNES', 'VILLE DE NULLEPART']), undefined, entry(['UN TITRE DE PROJET', 'SUR DEUX LIGNES', 'VILLE DE NULLEPART']));
    expect([parsed.titre, parsed.collectivite]).toEqual(['UN TITRE DE PROJET SUR DEUX LIGNES', 'VILLE DE NULLEPART']);
    // A collectivité of two lines, the same in both printings.
    const two = parseProject(project(['UN TITRE SUR', 'DEUX LIGNES', 'COMMUNAUTÉ D’AGGLOMÉRATION DU PAYS', 'DE NULLEPART']), undefined, entry(['UN TITRE SUR DEUX LIGNES', 'COMMUNAUTÉ D’AGGLOMÉRATION DU PAYS', 'DE NULLEPART']));
    expect([two.titre, two.collectivite]).toEqual(['UN TITRE SUR DEUX LIGNES', 'COMMUNAUTÉ D’AGGLOMÉRATION DU PAYS DE NULLEPART']);
  });

  it('takes the last line when both printings are the same line for line, and reads nothing without the entry', () => {
    const same = parseProject(project(['UN TITRE DE PROJET', 'VILLE DE NULLEPART']), undefined, entry(['UN TITRE DE PROJET', 'VILLE DE NULLEPART']));
    expect([same.titre, same.collectivite]).toEqual(['UN TITRE DE PROJET', 'VILLE DE NULLEPART']);
    const alone = parseProject(project(['UN TITRE DE PROJET', 'VILLE DE NULLEPART']));
    expect([alone.titre, alone.collectivite]).toEqual(['UN TITRE DE PROJET VILLE DE NULLEPART', '']);
    // The block is the entry's last lines only: it is the collectivité, apart from the title already.
    const apart = { ...project(['VILLE DE NULLEPART', 'ET SA MÉTROPOLE']), blocks: [block('UN TITRE DE PROJET'), ...project(['VILLE DE NULLEPART', 'ET SA MÉTROPOLE']).blocks] };
    const read = parseProject(apart, undefined, entry(['UN TITRE DE PROJET', 'VILLE DE NULLEPART', 'ET SA MÉTROPOLE']));
    expect([read.titre, read.collectivite]).toEqual(['UN TITRE DE PROJET', 'VILLE DE NULLEPART ET SA MÉTROPOLE']);
  });
});
