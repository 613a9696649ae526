/**
 * The server's heap setting (server/heap.ts): `booking-server`'s start keeps the old generation near its live
 * size under the garbage a loaded server makes, and an operator's own `--heap-growing-percent` wins.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HEAP_GROWING_PERCENT, heapGrowingFlag } from '../../server/heap.js';

const CHURN = fileURLToPath(new URL('./heap-churn.ts', import.meta.url));

/** The old generation's largest size over the live heap, in a child started as `mode` (heap-churn.ts). */
function churn(mode: 'cli' | 'bare'): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--expose-gc', '--import', 'tsx', CHURN, mode], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${error.message}\n${stderr}`));
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (!line) return reject(new Error(`no result; stdout: ${stdout}`));
      const { live, largestOld } = JSON.parse(line) as { live: number; largestOld: number };
      resolve(largestOld / live);
    });
  });
}

describe('heap settings', () => {
  it('sets the growing factor unless the operator set one', () => {
    assert.equal(heapGrowingFlag([]), `--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    assert.equal(heapGrowingFlag(['--inspect']), `--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    assert.equal(heapGrowingFlag(['--heap-growing-percent=80']), undefined);
    assert.equal(heapGrowingFlag(['--heap_growing_percent=80']), undefined);
    assert.equal(heapGrowingFlag(['--heap-growing-percent', '80']), undefined);
  });

  it("booking-server's start keeps the old generation near the live heap under promoted garbage", async () => {
    const started = await churn('cli');
    // The same churn in a process that did not start the server: V8's own factor, up to 4 on a machine this size.
    const bare = await churn('bare');
    assert.ok(started < 2.5, `old generation reached ${started.toFixed(2)}× the live heap`);
    assert.ok(started < bare, `with the setting ${started.toFixed(2)}×, without ${bare.toFixed(2)}×`);
  });
});
