import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * BENCH.md holds one section per script (`<!-- section:NAME -->` … `<!-- /section:NAME -->`); each script rewrites only
 * its own, so `npm run bench` and `npm run check:determinism` do not erase each other's figures.
 */
export function writeBenchSection(name: string, lines: readonly string[], file = 'BENCH.md'): void {
  const start = `<!-- section:${name} -->`;
  const end = `<!-- /section:${name} -->`;
  const block = [start, ...lines, end].join('\n');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark\n';
  const at = current.indexOf(start);
  const until = current.indexOf(end);
  const next = at >= 0 && until > at
    ? `${current.slice(0, at)}${block}${current.slice(until + end.length)}`
    : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
