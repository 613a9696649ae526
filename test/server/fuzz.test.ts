/**
 * Fuzzing every route the server registers (read from the running app, so new routes are covered unasked)
 * with generated paths, query strings, callers, headers and bodies: never a 5xx, every error in the contract's
 * shape. CI runs a fixed seed; `npm run fuzz` runs a bigger, random one (FUZZ_SEED and FUZZ_RUNS to replay).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startFuzzWorld, type FuzzWorld } from './fuzz-world.js';
import { requestArb, send, checkAnswer, type FuzzRequest } from './fuzz-requests.js';

/** `npm run fuzz` runs this file with `--deep`: a random seed and ten times the requests. */
const DEEP = process.argv.includes('--deep');
const SEED = Number(process.env['FUZZ_SEED'] ?? (DEEP ? Math.floor(Math.random() * 2 ** 31) : 20261124));
/** Requests in the mixed run; each route also gets RUNS / routes (at least 10) of its own. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? (DEEP ? 25_000 : 2_500));
const REPLAY = `replay with: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npm run fuzz`;

describe(`fuzz (seed ${SEED}, ${RUNS} runs)`, () => {
  let world: FuzzWorld;
  const statuses = new Map<number, number>();
  before(async () => {
    world = await startFuzzWorld();
  });
  after(() => world?.server.close());

  async function hit(request: FuzzRequest): Promise<void> {
    const answer = await send(world, request);
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    checkAnswer(request, answer);
  }

  /** fast-check's report already carries its own seed and path; add the command that replays the whole run. */
  async function check(arb: fc.Arbitrary<FuzzRequest>, seed: number, numRuns: number): Promise<void> {
    try {
      await fc.assert(fc.asyncProperty(arb, hit), { seed, numRuns, includeErrorInReport: true });
    } catch (error) {
      process.stderr.write(`\nfuzz failure (seed ${SEED}); ${REPLAY}\n`);
      throw new Error(`${(error as Error).message}\n\n${REPLAY}`, { cause: error });
    }
  }

  it('finds the routes, including those added later, and real ids for their paths', () => {
    const names = world.routes.map((r) => `${r.method} ${r.pattern}`);
    for (const expected of [
      'POST /bookings/v2/services/query',
      'POST /bookings/v2/bookings',
      'GET /healthz',
      'GET /v1/anonymous-bookings/:bookingId|:token',
    ]) {
      assert.ok(
        names.some((n) => n === expected || n.startsWith(expected)),
        `${expected} in ${names.join('\n')}`,
      );
    }
    assert.ok(world.routes.length >= 40, `only ${world.routes.length} routes`);
  });

  it('never answers 5xx, and answers every error in the contract shape, on each route', async (t) => {
    const perRoute = Math.max(10, Math.floor(RUNS / world.routes.length));
    for (const [i, route] of world.routes.entries()) {
      await t.test(`${route.method} ${route.pattern}`, () => check(requestArb(route, world), SEED + i + 1, perRoute));
    }
  });

  it('never answers 5xx across all routes mixed, callers and state changing as it goes', async (t) => {
    await check(fc.oneof(...world.routes.map((r) => requestArb(r, world))), SEED, RUNS);
    t.diagnostic(
      `statuses: ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
    );
  });
});
