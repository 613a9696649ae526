/**
 * `npm run bench`: runs every `bench/*.bench.ts` (default export `async () => ({ title, markdown })`), the issue-12
 * speed table first and the rest in name order, and writes BENCHMARKS.md with the machine, the date and each
 * bench's section. `npm run bench:quick` (`--quick`) runs only the speed table, with fewer requests per row, and
 * prints it without touching BENCHMARKS.md.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchResult {
  title: string;
  markdown: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const QUICK = process.argv.includes('--quick');
const FIRST = 'speed.bench.ts';
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!QUICK || f === FIRST))
  .sort((a, b) => Number(b === FIRST) - Number(a === FIRST) || a.localeCompare(b));
const sections: BenchResult[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default?: () => Promise<BenchResult> };
  if (typeof mod.default !== 'function') {
    console.warn(`skipping ${file}: no default export`);
    continue;
  }
  console.log(`running ${file} ...`);
  const started = Date.now();
  const result = await mod.default();
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  sections.push(result);
}

const cpuList = cpus();
const machine = [
  `- CPU: ${cpuList[0]?.model ?? 'unknown'} (${cpuList.length} cores)`,
  `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  `- OS: ${platform()} ${release()}`,
  `- Node: ${process.version}`,
  `- Date: ${new Date().toISOString()}`,
].join('\n');

if (QUICK) {
  console.log(`\n${machine}\n\n${sections.map((s) => `## ${s.title}\n\n${s.markdown.trim()}\n`).join('\n')}`);
  console.log('(quick run: BENCHMARKS.md left as it was; `npm run bench` writes it)');
  process.exit(0);
}

const markdown = `# Benchmarks

Written by \`npm run bench\` (\`node --import tsx bench/run.ts\`, a few minutes), which runs every
\`bench/*.bench.ts\`. To rerun: \`npm run bench\` rewrites this file; \`npm run bench:quick\` (under a minute) prints
the speed table alone, with fewer requests per row, and leaves this file alone. Run either on an idle machine:
figures from a shared or busy machine vary, which is why each throughput is read against a floor measured in the
same run.

## Machine

${machine}

${sections.map((s) => `## ${s.title}\n\n${s.markdown.trim()}\n`).join('\n')}`;
writeFileSync(join(here, '..', 'BENCHMARKS.md'), markdown);
console.log('wrote BENCHMARKS.md');
