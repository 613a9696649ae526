/**
 * `npm run bench`: runs every `bench/*.bench.ts` (default export `async () => ({ title, markdown })`) in name
 * order and writes BENCHMARKS.md with the machine, the date and each bench's section.
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
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
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

const markdown = `# Benchmarks

Written by \`npm run bench\` (\`node --import tsx bench/run.ts\`), which runs every \`bench/*.bench.ts\`. Rerun it
on your machine to compare; figures from a shared or busy machine vary.

## Machine

${machine}

${sections.map((s) => `## ${s.title}\n\n${s.markdown.trim()}\n`).join('\n')}`;
writeFileSync(join(here, '..', 'BENCHMARKS.md'), markdown);
console.log('wrote BENCHMARKS.md');
