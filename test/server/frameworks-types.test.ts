/**
 * docs/frameworks.md's examples type-check against the types the package ships (test/frameworks/): React 19 and
 * Vue 3 with vue-tsc (tsc that also reads .vue files), Svelte 5 with svelte-check. Each framework also has a file
 * of deliberate mistakes; the checker must reject every line there that opens a <booking-widget>, and nothing
 * else, so a check that stopped checking (types turned `any`, a declaration not picked up) fails here too.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const examples = join(root, 'test/frameworks');
const bin = (name: string) => join(root, 'node_modules/.bin', name);

/** `file:line` for each error a checker reported, relative to test/frameworks/. */
type Findings = string[];

function run(cmd: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Where a wrong-usage file should be rejected: each line that opens a <booking-widget>. */
function expectedFindings(file: string): Findings {
  return readFileSync(join(examples, file), 'utf8')
    .split('\n')
    .flatMap((line, i) => (/^\s*<booking-widget\b/.test(line) ? [`${file}:${i + 1}`] : []));
}

describe('the framework examples in docs/frameworks.md', () => {
  it('type-check in React 19 and Vue 3, and every wrong usage is rejected', () => {
    const { status, output } = run(bin('vue-tsc'), ['-p', join(examples, 'tsconfig.json')]);
    // tsc's lines: `test/frameworks/react/wrong-usage.tsx(10,23): error TS2322: ...`
    const found = [...output.matchAll(/^test\/frameworks\/(\S+?)\((\d+),\d+\): error TS\d+/gm)].map(([, file, line]) => `${file}:${line}`);
    assert.notEqual(status, 0, 'the wrong usages must fail the check');
    assert.deepEqual(
      found.sort(),
      [...expectedFindings('react/wrong-usage.tsx'), ...expectedFindings('vue/WrongUsage.vue')].sort(),
      output,
    );
  });

  it('type-check in Svelte 5, and every wrong usage is rejected', () => {
    const workspace = join(examples, 'svelte');
    const { status, output } = run(bin('svelte-check'), [
      '--workspace',
      workspace,
      '--tsconfig',
      join(workspace, 'tsconfig.json'),
      '--output',
      'machine',
    ]);
    // svelte-check's lines: `1796220096980 ERROR "WrongUsage.svelte" 8:17 "Type ..."`
    const found = [...output.matchAll(/^\d+ ERROR "([^"]+)" (\d+):\d+ /gm)].map(([, file, line]) => `svelte/${file}:${line}`);
    assert.notEqual(status, 0, 'the wrong usages must fail the check');
    assert.match(output, /COMPLETED \d+ FILES/, output);
    assert.deepEqual(found.sort(), expectedFindings('svelte/WrongUsage.svelte').sort(), output);
  });
});
