/**
 * Issue 12 ("Speed"): every target of the issue as one table, each throughput read against a node:http
 * hello-world floor measured in the same run (POST requests/s, 50 keep-alive clients, loopback). The servers run
 * in child processes (bench/speed/serve.ts) so the load loop has its own core and the server's RSS is its own.
 * `--quick` (npm run bench:quick) keeps the rows and the 50,000 bookings, with fewer requests per row, and skips
 * the PostgreSQL rows (bench/speed/postgres.ts; one and two instances on one database) unless BENCH_PG=1.
 */
import { Temporal } from 'temporal-polyfill';
import { DEMO_TIME_ZONE } from '../server/seed/demo.js';
import { client, drive, percentile, timeSequential, type Run } from './speed/load.js';
import { start, type Child } from './speed/child.js';
import { freeClassCreate } from './speed/seed.js';
import { BOOKINGS_APP_ID } from '../src/model/checkout.js';
import { builtWidgetSizes, pageTimings } from './speed/widget.js';
import { traceMemory } from './speed/memory.js';
import { postgresNote, postgresRows, postgresRunLines, postgresRuns, type PostgresRuns } from './speed/postgres.js';

const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const BOOKINGS = 50_000;
const CLIENTS = 50;
const OWNER_KEY = 'bench-owner-key-at-least-24-chars';
/** Requests (or operations) per row and each row's time limit in ms. */
const N = QUICK
  ? {
      floor: [8_000, 4_000],
      creates: [2_000, 4_000],
      paths: [600, 4_000],
      pairs: [1_000, 4_000],
      catalogue: [5_000, 3_000],
      slots: [50, 4_000],
      pgCreates: [1_000, 3_000],
      pgPairs: [500, 3_000],
    }
  : {
      floor: [40_000, 10_000],
      creates: [15_000, 10_000],
      paths: [4_000, 10_000],
      pairs: [8_000, 10_000],
      catalogue: [40_000, 10_000],
      slots: [200, 15_000],
      pgCreates: [8_000, 10_000],
      pgPairs: [4_000, 10_000],
    };
const WARMUP = QUICK ? 200 : 1_000;
/**
 * The PostgreSQL rows (bench/speed/postgres.ts) run in the full bench (unless BENCH_PG=0); the quick one skips them
 * unless BENCH_PG=1.
 */
const POSTGRES = QUICK ? process.env.BENCH_PG === '1' : process.env.BENCH_PG !== '0';
/** Untimed slot queries first, so the timed ones measure the server warmed up (its code optimised), as in service. */
const SLOT_WARMUP = 50;
/** A throughput run: warm up (untimed), then the measured run. */
async function throughput(limits: number[], op: (c: number, i: number) => Promise<boolean>): Promise<Run> {
  await drive(CLIENTS, WARMUP, 10_000, (c, i) => op(c, -1 - i));
  return drive(CLIENTS, limits[0] ?? 0, limits[1] ?? 0, op);
}

/** The 31-day slot queries, sequential (one client), p95 of each. */
async function slotLatencies(server: Child) {
  const w = server.workload;
  if (!w) throw new Error('no workload');
  const http = client(server.port, 1);
  const today = Temporal.Now.plainDateISO(DEMO_TIME_ZONE);
  const range = { fromLocalDate: `${today.toString()}T00:00:00`, toLocalDate: `${today.add({ days: 31 }).toString()}T00:00:00` };
  const measure = async (path: string, body: unknown) => {
    let slots = 0;
    const times = await timeSequential(N.slots[0] ?? 0, SLOT_WARMUP, N.slots[1] ?? 0, async () => {
      const r = await http.post(path, body);
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.body.slice(0, 300)}`);
      slots = (JSON.parse(r.body) as { timeSlots: unknown[] }).timeSlots.length;
    });
    return { p50: percentile(times, 50), p95: percentile(times, 95), runs: times.length, slots };
  };
  const appointments = await measure('/service-availability/v2/time-slots', { serviceId: w.appointmentId, ...range });
  const classes = await measure('/service-availability/v2/time-slots/event', {
    serviceIds: w.classIds,
    ...range,
    cursorPaging: { limit: 1000 },
  });
  http.close();
  return { appointments, classes };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const verdict = (ok: boolean) => (ok ? 'PASS' : '**MISS**');
const ms = (x: number) => `${x.toFixed(1)} ms`;
const errors = (r: Run) => (r.failed ? `; ${r.failed} failed (${r.firstError ?? ''})` : '');

export default async function bench(): Promise<{ title: string; markdown: string }> {
  // 1. The floor: a plain node:http server in the same kind of child process, driven by the same loop.
  const hello = await start('hello');
  const helloHttp = client(hello.port, CLIENTS);
  const floorRun = await throughput(N.floor, async () => (await helloHttp.post('/', { hello: 'world' })).status === 200);
  helloHttp.close();
  await hello.stop();
  const floor = floorRun.perSecond;

  // 2. The empty case: the demo business alone.
  const empty = await start('api', '0');
  const emptySlots = await slotLatencies(empty);
  await empty.stop();

  // 3. The issue's workload: 50,000 bookings in the next 60 days.
  const loaded = await start('api', String(BOOKINGS));
  const w = loaded.workload;
  if (!w) throw new Error('no workload');
  await traceMemory(loaded, 'started');
  const slots = await slotLatencies(loaded);
  await traceMemory(loaded, 'slot queries');
  const http = client(loaded.port, CLIENTS);
  // A visitor may hold 3 unpaid bookings per session: operation g books session g % E with visitor g / (3E).
  const perVisitor = 3 * w.freeEvents.length;
  const opsBudget = 3 * WARMUP + (N.creates[0] ?? 0) + (N.paths[0] ?? 0) + (N.pairs[0] ?? 0);
  const tokens: string[] = [];
  await drive(CLIENTS, Math.ceil(opsBudget / perVisitor) + 1, 60_000, async () => {
    const r = await http.post('/oauth2/token', { grantType: 'anonymous' });
    tokens.push((JSON.parse(r.body) as { access_token?: string }).access_token ?? '');
    return r.status === 200;
  });
  await traceMemory(loaded, 'tokens');
  let sequence = 0;
  let confirmedCheck = true; // the first booking is read back once, to prove the path confirms
  const create = async () => {
    const g = sequence++;
    const token = tokens[Math.floor(g / perVisitor)];
    const r = await http.post('/bookings/v2/bookings', freeClassCreate(w, g), token);
    if (r.status !== 200) throw new Error(`create: ${r.status} ${r.body.slice(0, 200)}`);
    return { ...(JSON.parse(r.body) as { booking: { id: string; status: string } }), token };
  };
  // The issue's row: the visitor's create of a free class booking, one request (as the issue measured it).
  const creates = await throughput(N.creates, async () => (await create(), true));
  await traceMemory(loaded, 'creates');
  // The widget's whole path to a confirmed free booking: create, checkout, create-order (nothing to pay).
  const paths = await throughput(N.paths, async () => {
    const { booking, token } = await create();
    const lineItems = [{ quantity: 1, catalogReference: { appId: BOOKINGS_APP_ID, catalogItemId: booking.id } }];
    const co = await http.post('/ecom/v1/checkouts', { lineItems }, token);
    if (co.status !== 200) throw new Error(`checkout: ${co.status} ${co.body.slice(0, 200)}`);
    const checkoutId = (JSON.parse(co.body) as { checkout: { id: string } }).checkout.id;
    const order = await http.post(`/ecom/v1/checkouts/${checkoutId}/create-order`, {}, token);
    if (order.status !== 200) throw new Error(`create-order: ${order.status} ${order.body.slice(0, 200)}`);
    if (!confirmedCheck) return true;
    const r = await http.get(`/bookings/v2/bookings/${booking.id}`, token);
    const status = (JSON.parse(r.body) as { booking?: { status?: string } }).booking?.status;
    if (status !== 'CONFIRMED') throw new Error(`the booking is ${status ?? r.status}, not CONFIRMED`);
    confirmedCheck = false;
    return true;
  });
  await traceMemory(loaded, 'widget paths');
  const pairs = await throughput(N.pairs, async () => {
    const created = await create();
    const r = await http.post(`/bookings/v2/confirmation/${created.booking.id}:confirmOrDecline`, {}, OWNER_KEY);
    return r.status === 200;
  });
  await traceMemory(loaded, 'pairs');
  const catalogue = await throughput(N.catalogue, async () => (await http.post('/bookings/v2/services/query', {})).status === 200);
  http.close();
  await traceMemory(loaded, 'catalogue');
  const rss = (await loaded.rss()) / 2 ** 20;
  await loaded.stop();
  const pg: PostgresRuns | undefined = POSTGRES
    ? await postgresRuns({
        start,
        throughput,
        limits: { creates: N.pgCreates, pairs: N.pgPairs },
        clients: CLIENTS,
        warmup: WARMUP,
        ownerKey: OWNER_KEY,
      })
    : undefined;

  const widget = builtWidgetSizes();
  const page = await pageTimings(QUICK ? 3 : 7);
  const cardRatio = page.firstCardMs / page.loadEventMs;
  const ratio = (r: Run) => r.perSecond / floor;
  const growth = slots.appointments.p95 / emptySlots.appointments.p95;
  const rows = [
    ['node:http hello-world floor, POST requests/s', `${floor.toFixed(0)}`, '100 %', 'the reference', '—'],
    [
      `visitor creates a free class booking (auto-confirmed), ${CLIENTS} clients, confirmed bookings/s`,
      `${creates.perSecond.toFixed(0)}${errors(creates)}`,
      pct(ratio(creates)),
      '≥ 10 % of the floor',
      verdict(ratio(creates) >= 0.1 && creates.failed === 0),
    ],
    [
      `… the widget's whole path to CONFIRMED (create, checkout, create-order), ${CLIENTS} clients, bookings/s`,
      `${paths.perSecond.toFixed(0)}${errors(paths)}`,
      pct(ratio(paths)),
      'reported (three requests per booking)',
      paths.failed === 0 ? '—' : '**FAILED**',
    ],
    [
      `create + owner confirm-or-decline pairs, ${CLIENTS} clients, pairs/s`,
      `${pairs.perSecond.toFixed(0)}${errors(pairs)}`,
      pct(ratio(pairs)),
      '≥ 5 % of the floor',
      verdict(ratio(pairs) >= 0.05 && pairs.failed === 0),
    ],
    ...(pg ? postgresRows(pg, floor) : [['PostgreSQL rows', 'skipped (quick run; `BENCH_PG=1` runs them shortened)', '—', '—', '—']]),
    [
      `catalogue query \`POST /bookings/v2/services/query {}\`, ${CLIENTS} clients, requests/s`,
      `${catalogue.perSecond.toFixed(0)}${errors(catalogue)}`,
      pct(ratio(catalogue)),
      '≥ 40 % of the floor',
      verdict(ratio(catalogue) >= 0.4 && catalogue.failed === 0),
    ],
    [
      `31-day appointment slots, 2 staff, ${BOOKINGS.toLocaleString('en-US')} bookings in the next 60 days, p95`,
      `${ms(slots.appointments.p95)} (empty: ${ms(emptySlots.appointments.p95)}, ${growth.toFixed(1)}×)`,
      '—',
      'p95 ≤ 10 ms and ≤ 2× the empty case',
      verdict(slots.appointments.p95 <= 10 && growth <= 2),
    ],
    [
      `31-day class sessions at ${BOOKINGS.toLocaleString('en-US')} bookings, p95`,
      ms(slots.classes.p95),
      '—',
      'p95 ≤ 5 ms',
      verdict(slots.classes.p95 <= 5),
    ],
    [
      'widget classic script, gzip -9',
      `first ${widget.first.toFixed(1)} KB; a booking ${widget.bookingPath.toFixed(1)} KB; all ${widget.all.toFixed(1)} KB`,
      '—',
      'first script ≤ 30 KB; all ≤ 45 KB',
      verdict(widget.first <= 30 && widget.all <= 45),
    ],
    [
      'page navigation → first service card, then → first time (median of cold loads in Chromium)',
      `load event ${ms(page.loadEventMs)}; first card ${ms(page.firstCardMs)} (${cardRatio.toFixed(2)}×); first time ${ms(page.firstTimeMs)}`,
      '—',
      'first card ≤ 1.3× the load event',
      verdict(cardRatio <= 1.3),
    ],
    [
      'repeat visit: the catalogue painted from IndexedDB before the network answers',
      `${page.repeatPaintedFromCache ? 'yes' : 'no'}: first card ${ms(page.repeatFirstCardMs)} with the catalogue request held back`,
      '—',
      'painted from IndexedDB',
      verdict(page.repeatPaintedFromCache),
    ],
    [`server RSS after the ${BOOKINGS.toLocaleString('en-US')}-booking runs`, `${rss.toFixed(0)} MB`, '—', '< 200 MB', verdict(rss < 200)],
  ];
  const run = (name: string, r: Run) =>
    `| ${name} | ${r.done} ok, ${r.failed} failed | ${(r.ms / 1000).toFixed(1)} s | ${ms(percentile(r.latencies, 50))} | ${ms(percentile(r.latencies, 95))} |`;
  const slotRow = (name: string, s: Awaited<ReturnType<typeof slotLatencies>>['appointments']) =>
    `| ${name} | ${s.slots} | ${s.runs} | ${ms(s.p50)} | ${ms(s.p95)} |`;
  const markdown = `
${QUICK ? '**Quick run** (`npm run bench:quick`: same rows, fewer requests per row).' : 'Full run (`npm run bench`).'}
Each server runs in its own Node process (\`bench/speed/serve.ts\` bundled to plain JavaScript with esbuild and run by plain
\`node\`, as the server ships, with the heap setting \`booking-server\` applies at start, server/heap.ts; the API through
\`buildServer({ rateLimits: false })\`; the workload seeded by a child process before the server opens the file), listening on 127.0.0.1 only; the load loop (\`bench/speed/load.ts\`: node:http keep-alive agent, ${CLIENTS} clients, every
run bounded by a count and a time limit, after ${WARMUP} untimed warm-up requests) runs in the bench process. The
floor is a plain node:http hello-world server in the same kind of process, answering POSTs in the same run. Slot
queries are timed one at a time after ${SLOT_WARMUP} untimed ones.
Workload: the demo business plus ${w.seeded.toLocaleString('en-US')} bookings over the next 60 days (half Personal Training
across its two staff, half on the demo classes' sessions), seeded straight through the storage layer in
${(w.seedMs / 1000).toFixed(1)} s. Bookings go to "Community Yoga" (free, auto-confirmed; given room for everyone).

| what | measured | × floor | target (this issue) | result |
|---|---|---|---|---|
${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}

A visitor's create is one \`POST /bookings/v2/bookings\` for the free, auto-confirmed class, as the issue measured
it (its "now" of 250–590/s is this request). The widget's whole path to CONFIRMED is also reported: that create,
\`POST /ecom/v1/checkouts\`, then \`create-order\` with nothing to pay (three requests; the first booking is read back
once to check it is CONFIRMED). A pair is the visitor's create, then the owner's \`confirmOrDecline\` on it (two requests). Each ratio
is operations/s over the floor's requests/s. Each anonymous visitor books each session at most 3 times (the
unpaid-bookings limit), so the run uses a fresh visitor every ${3 * w.freeEvents.length} bookings.${postgresNote(pg)}
The widget's "first" is what the classic tag loads before the first card (${widget.files.join(', ')}); "a booking" is
what a visitor loads from there to the CONFIRMED status (${widget.pathFiles.join(', ')}); "all" is every script in dist/
a page can load, with its largest language. Page timings: ${page.runs} cold loads in fresh Chromium contexts against the demo server
(bench/speed/widget-timings.ts), from navigation start.

| throughput run | operations | time | p50 | p95 |
|---|---|---|---|---|
${[
  run('floor (hello-world POST)', floorRun),
  run('free class creates', creates),
  run('widget path (3 requests)', paths),
  run('create + confirm-or-decline pairs', pairs),
  ...(pg ? postgresRunLines(pg, run) : []),
  run('catalogue query', catalogue),
].join('\n')}

| 31-day slot query (sequential, one client) | slots | runs | p50 | p95 |
|---|---|---|---|---|
${[
  slotRow('appointments, empty business', emptySlots.appointments),
  slotRow('classes, empty business', emptySlots.classes),
  slotRow(`appointments, ${BOOKINGS.toLocaleString('en-US')} bookings`, slots.appointments),
  slotRow(`classes, ${BOOKINGS.toLocaleString('en-US')} bookings`, slots.classes),
].join('\n')}
`;
  return { title: 'Speed (issue 12): every target against a node:http floor', markdown };
}

// Run alone: `node --import tsx bench/speed.bench.ts [--quick]`.
if (import.meta.url === `file://${process.argv[1]}`) console.log((await bench()).markdown);
