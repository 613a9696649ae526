#!/usr/bin/env node
// Runs the built server (dist-server/, made by `npm run build`); from a source checkout without a build it
// falls back to running the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist-server/server/cli.js', import.meta.url));
let cli;
if (existsSync(built)) {
  cli = await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(new URL('../server/cli.ts', import.meta.url).href);
}
await cli.main();
