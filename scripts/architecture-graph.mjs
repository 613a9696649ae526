#!/usr/bin/env node
// `npm run docs:graph`: draws docs/images/architecture.svg from the code, with dependency-cruiser collapsing each
// layer to one box and marking any broken layer rule in red. Needs Graphviz's `dot` (Debian: apt-get install graphviz).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dotSource = execFileSync(
  `${root}node_modules/.bin/depcruise`,
  [
    'src',
    'server',
    '--config',
    '.dependency-cruiser.cjs',
    '--no-progress',
    '--include-only',
    '^(src|server)/',
    '--collapse',
    '^(src/[^/]+|server/(domain|http|routes|storage|seed))/',
    '--output-type',
    'dot',
  ],
  { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
);
const svg = execFileSync('dot', ['-Tsvg'], { input: dotSource, encoding: 'utf8' });
writeFileSync(`${root}docs/images/architecture.svg`, svg);
console.log('wrote docs/images/architecture.svg');
