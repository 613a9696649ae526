/**
 * The layer rules bite: dependency-cruiser, run with the project's own config over a fixture tree that breaks
 * each rule once, exits non-zero and names every broken rule; over the real tree it passes (npm run lint).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = fileURLToPath(new URL('../lint-fixtures', import.meta.url));
const depcruise = `${root}node_modules/.bin/depcruise`;

describe('the layer rules', () => {
  it('fail on a tree that breaks them, naming each rule', () => {
    const run = spawnSync(depcruise, ['src', 'server', '--config', `${root}.dependency-cruiser.cjs`, '--no-progress'], {
      cwd: fixtures,
      encoding: 'utf8',
    });
    assert.notEqual(run.status, 0, run.stdout + run.stderr);
    for (const rule of [
      'src-not-to-server',
      'widget-through-flow',
      'domain-not-to-http',
      'domain-not-to-sqlite',
      'storage-not-to-domain',
      'console-on-shared-layers',
      'nothing-imports-console',
      'no-circular',
    ]) {
      assert.match(run.stdout, new RegExp(`error ${rule}:`), `${rule} is reported`);
    }
  });
});
