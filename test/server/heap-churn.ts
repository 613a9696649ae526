/**
 * A child process for heap-settings.test.ts (run with --expose-gc): starts the server the way `booking-server`
 * does (server/cli.ts's `main`, on `:memory:`), or not at all (`bare`), then makes the garbage a loaded server
 * makes: objects that live across a few young-generation collections (as requests in flight do) and then die.
 * Prints the old generation's largest size and the live heap before the churn, as JSON, and exits.
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { main } from '../../server/cli.js';

const oldSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')?.space_size ?? 0;

if (process.argv[2] === 'cli')
  await main(['--port', '0', '--host', '127.0.0.1', '--db', ':memory:', '--owner-key', 'heap-test-owner-key-0123456789']);

// About 30 MB that stays, like a server's code, caches and pools.
const live: { i: number; s: string; a: number[] }[] = [];
for (let i = 0; i < 300_000; i++) live.push({ i, s: `x${i}`, a: [i, i] });
(globalThis as { gc?: () => void }).gc?.();
const liveBytes = process.memoryUsage().heapUsed;

let inFlight: { j: number; t: string }[][] = [];
let largest = 0;
for (let round = 0; round < 20_000; round++) {
  inFlight.push(Array.from({ length: 500 }, (_, j) => ({ j, t: `y${j}` })));
  if (inFlight.length > 300) inFlight = inFlight.slice(1);
  largest = Math.max(largest, oldSpace());
}
process.stdout.write(`${JSON.stringify({ live: liveBytes, largestOld: largest, kept: live.length })}\n`);
process.exit(0);
