/**
 * List items read from their bullets and indents (src/extract/blocks.ts).
 */
import { describe, expect, it } from 'vitest';
import { filler, layout, run } from '../helpers/runs.js';

describe('a bulleted item with a hanging indent', () => {
  it('keeps its wrapped line, even when the heading above is read in the same group', () => {
    // A heading set close above the list (no paragraph gap), each item « • text » at the column
    // edge, its further lines at the hanging indent, as a desktop publisher sets references.
    const list = [
      run('POUR ALLER PLUS LOIN', 56.8, 400, { size: 9, bold: true }),
      run('• Observatoire de la restauration collective durable,', 56.8, 412, { width: 227 }),
      run('Guide de la mutualisation des cuisines, 2029', 68.1, 423),
      run('• Association des maires de Marne-et-Solvaire,', 56.8, 436, { width: 207 }),
      run('www.maires-solvaire.fr', 68.1, 447),
    ];
    const blocks = layout([...filler(100), ...list]).filter((block) => block.kind === 'listItem');
    expect(blocks.map((block) => block.text)).toEqual([
      'Observatoire de la restauration collective durable, Guide de la mutualisation des cuisines, 2029',
      'Association des maires de Marne-et-Solvaire, www.maires-solvaire.fr',
    ]);
  });
});
