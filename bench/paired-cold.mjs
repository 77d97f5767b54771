// Alternated cold runs of built checkouts of the CLI (e.g. a worktree of an older commit and this
// one): the medians and the median of the round-by-round ratios to the first tree, on the bundled
// PDF and text. More than two trees run in the same rounds (the order rotates each round), so that
// every ratio is measured under the same load. Each run's CPU time (user + system, both threads,
// through GNU time) is measured too: on a loaded machine it moves much less than the wall time.
// Usage: node bench/paired-cold.mjs [--only pdf|text] OLD_TREE NEW_TREE [MORE_TREES...] [ROUNDS]   (each tree built with npm run build)
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
const args = process.argv.slice(2);
// --only pdf|text: one input alone (more rounds in the same time).
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : undefined;
const rounds = /^\d+$/.test(args.at(-1) ?? '') ? Number(args.pop()) : 9;
const trees = args.map((tree) => resolve(tree));
if (trees.length < 2) {
  console.error('usage: node bench/paired-cold.mjs OLD_TREE NEW_TREE [MORE_TREES...] [ROUNDS]');
  process.exit(64);
}
const here = resolve(import.meta.dirname, '..');
const inputs = { pdf: `${here}/fixtures/inet-2019/input.pdf`, text: `${here}/fixtures/inet-2019/input.txt` };
const GNU_TIME = '/usr/bin/time';
const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
for (const [kind, input] of Object.entries(inputs).filter(([kind]) => only === undefined || kind === only)) {
  const times = new Map(trees.map((tree) => [tree, []]));
  const cpu = new Map(trees.map((tree) => [tree, []]));
  // Round 0 warms the disk cache and is not counted.
  for (let r = 0; r <= rounds; r++) {
    const order = trees.map((_, i) => trees[(i + r) % trees.length]);
    for (const tree of order) {
      const t = process.hrtime.bigint();
      const run = spawnSync(GNU_TIME, ['-f', 'cpu %U %S', 'node', `${tree}/bin/brochure-extract`, 'extract', input, '--out', `/tmp/paired-${kind}.json`, '-q'], { encoding: 'utf8' });
      const wall = Number(process.hrtime.bigint() - t) / 1e6;
      const [, user, system] = /cpu ([\d.]+) ([\d.]+)/.exec(run.stderr ?? '') ?? [];
      if (r === 0) continue;
      times.get(tree).push(wall);
      cpu.get(tree).push((Number(user) + Number(system)) * 1000);
    }
  }
  const [reference, ...others] = trees;
  const report = (series, what) => {
    const base = series.get(reference);
    const line = others.map((tree) => {
      const ratios = base.map((x, i) => series.get(tree)[i] / x);
      return `${tree} ${median(series.get(tree)).toFixed(0)} ms, ratio of medians ${(median(series.get(tree)) / median(base)).toFixed(2)}, paired ratio ${median(ratios).toFixed(2)}`;
    });
    console.log(`${kind} ${what}: ${reference} ${median(base).toFixed(0)} ms; ${line.join('; ')} (${rounds} rounds)`);
  };
  report(times, 'wall');
  report(cpu, 'cpu');
}
