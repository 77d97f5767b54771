// Alternated cold runs of two built checkouts of the CLI (e.g. a worktree of an older commit and
// this one): the medians and the median of the round-by-round ratios, on the bundled PDF and text.
// Usage: node bench/paired-cold.mjs OLD_TREE NEW_TREE [ROUNDS]   (each tree built with npm run build)
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
const [a, b] = [resolve(process.argv[2]), resolve(process.argv[3])];
const here = resolve(import.meta.dirname, '..');
const inputs = { pdf: `${here}/fixtures/inet-2019/input.pdf`, text: `${here}/fixtures/inet-2019/input.txt` };
const rounds = Number(process.argv[4] ?? 9);
const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
for (const [kind, input] of Object.entries(inputs)) {
  const times = { [a]: [], [b]: [] };
  for (let r = 0; r <= rounds; r++) {
    for (const tree of r % 2 ? [a, b] : [b, a]) {
      const t = process.hrtime.bigint();
      try { execFileSync('node', [`${tree}/bin/brochure-extract`, 'extract', input, '--out', `/tmp/paired-${kind}.json`, '-q'], { stdio: 'ignore' }); } catch {}
      if (r > 0) times[tree].push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  const ratios = times[a].map((x, i) => times[b][i] / x);
  console.log(`${kind}: ${a} ${median(times[a]).toFixed(0)} ms, ${b} ${median(times[b]).toFixed(0)} ms, paired ratio ${median(ratios).toFixed(2)} (${rounds} rounds)`);
}
