/**
 * How far V8 lets the server's heap grow between full collections, set when the server starts (server/cli.ts;
 * the speed bench's server does the same, bench/speed/serve.ts).
 *
 * Under load most of what a request allocates dies with it, but with 50 requests in flight (waiting for the
 * group commit, say) much of it outlives two young-generation collections and is promoted to the old generation,
 * where it lies as garbage until the next full collection. V8 schedules that one when the old generation reaches
 * its live size times a growing factor, which on a machine with gigabytes of RAM goes up to 4: the bench's server
 * holds about 36 MB live, yet its old generation reached 112 MB and its resident size 232 MB. A factor of 1.3
 * (`--heap-growing-percent=30`) keeps the old generation near its live size; a full collection of a heap this
 * size takes a few milliseconds, most of it on V8's background threads. See docs/deploy.md, "Memory".
 */
import { setFlagsFromString } from 'node:v8';

/** V8's growing factor as 1 + percent/100. */
export const HEAP_GROWING_PERCENT = 30;

/**
 * The V8 flag to set, or undefined when the operator chose the factor already (`node --heap-growing-percent=N
 * bin/booking-server.mjs`): theirs wins.
 */
export function heapGrowingFlag(execArgv: readonly string[] = process.execArgv): string | undefined {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg))) return undefined;
  return `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/**
 * Apply the server's heap setting to this process. V8 reads the growing factor each time it sets the next
 * collection's limit, so setting it after start-up takes effect from the next full collection on.
 */
export function applyHeapSettings(execArgv: readonly string[] = process.execArgv): void {
  const flag = heapGrowingFlag(execArgv);
  if (flag) setFlagsFromString(flag);
}
