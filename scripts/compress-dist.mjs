#!/usr/bin/env node
// `node scripts/compress-dist.mjs [dir]` (default dist/): writes `<file>.br` (brotli, quality 11) and `<file>.gz`
// (gzip -9) next to every .js, .mjs, .css, .html, .svg and .json file under dir, for @fastify/static's
// `preCompressed` (server/http/static-files.ts). A compressed copy no smaller than its file is not written, so
// the server sends the plain file instead. Prints one line per file: raw, gzip and brotli sizes in bytes.
// Run by `npm run build` right after `vite build` (which empties dist/, so no stale copies survive).
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json)$/;

const dir = process.argv[2] ?? 'dist';
if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`compress-dist: ${dir} is not a folder (run vite build first)`);
  process.exit(1);
}

for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
  const file = join(dir, name);
  if (!COMPRESSIBLE.test(name) || !statSync(file).isFile()) continue;
  const raw = readFileSync(file);
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  const gz = gzipSync(raw, { level: 9 });
  for (const [ext, data] of [
    ['.br', br],
    ['.gz', gz],
  ]) {
    if (data.length < raw.length) writeFileSync(file + ext, data);
    else rmSync(file + ext, { force: true });
  }
  console.log(`${relative(dir, file)}: ${raw.length} B raw, ${gz.length} B gzip, ${br.length} B brotli`);
}
