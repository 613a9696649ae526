/**
 * The speed table's PostgreSQL rows (issue 14): a visitor's create of a free class booking, and create + owner
 * confirm-or-decline pairs, on one instance and on two instances sharing one database, each instance in its own
 * process (bench/speed/serve.ts `api-pg`). With two there is no proxy in front: the load loop splits its clients
 * across both (client c talks to instance c % 2), and a visitor's token, minted on one, is used on either.
 * The database is a fresh one for each run: on the server DATABASE_URL names (created and dropped here), or on a
 * throwaway PostgreSQL started for the bench (scripts/postgres.mjs) when DATABASE_URL is not set.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../scripts/postgres.mjs';
import { client, type Client, type Run } from './load.js';
import { freeClassCreate, type Workload } from './seed.js';

export interface Instance {
  port: number;
  workload?: Workload;
  stop(): Promise<void>;
}

export interface PostgresBench {
  /** Starts bench/speed/serve.ts with these arguments (speed.bench.ts's `start`). */
  start(...args: string[]): Promise<Instance>;
  /** A warmed-up throughput run (speed.bench.ts's `throughput`). */
  throughput(limits: number[], op: (c: number, i: number) => Promise<boolean>): Promise<Run>;
  limits: { creates: number[]; pairs: number[] };
  clients: number;
  warmup: number;
  ownerKey: string;
}

export interface PostgresRuns {
  /** Where the database ran: `DATABASE_URL` or a throwaway server. */
  server: string;
  one: { creates: Run; pairs: Run };
  two: { creates: Run; pairs: Run };
}

async function asAdmin(url: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Creates and pairs on `instances` API processes over one fresh database on `server`. */
async function runOn(server: string, instances: 1 | 2, b: PostgresBench): Promise<{ creates: Run; pairs: Run }> {
  const name = `bench_${randomUUID().replaceAll('-', '')}`;
  await asAdmin(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const started: Instance[] = [];
  const clients: Client[] = [];
  try {
    started.push(await b.start('api-pg', url.href, 'seed'));
    if (instances === 2) started.push(await b.start('api-pg', url.href, 'join'));
    const w = started[0]?.workload;
    if (!w) throw new Error('the seeding instance sent no workload');
    for (const s of started) clients.push(client(s.port, Math.ceil(b.clients / started.length)));
    const http = (c: number): Client => clients[c % clients.length] ?? (clients[0] as Client);
    // A visitor may hold 3 unpaid bookings per session: operation g books session g % E with visitor g / (3E).
    const perVisitor = 3 * w.freeEvents.length;
    const budget = 2 * b.warmup + (b.limits.creates[0] ?? 0) + (b.limits.pairs[0] ?? 0);
    const tokens: string[] = [];
    for (let i = 0; i < Math.ceil(budget / perVisitor) + 1; i++) {
      const r = await http(i).post('/oauth2/token', { grantType: 'anonymous' });
      if (r.status !== 200) throw new Error(`token: ${r.status} ${r.body.slice(0, 200)}`);
      tokens.push((JSON.parse(r.body) as { access_token: string }).access_token);
    }
    let sequence = 0;
    const create = async (c: number) => {
      const g = sequence++;
      const r = await http(c).post('/bookings/v2/bookings', freeClassCreate(w, g), tokens[Math.floor(g / perVisitor)]);
      if (r.status !== 200) throw new Error(`create: ${r.status} ${r.body.slice(0, 200)}`);
      return (JSON.parse(r.body) as { booking: { id: string } }).booking.id;
    };
    const creates = await b.throughput(b.limits.creates, async (c) => (await create(c), true));
    // The owner's decision goes to the other instance than the create's (with two).
    const pairs = await b.throughput(b.limits.pairs, async (c) => {
      const id = await create(c);
      const r = await http(c + 1).post(`/bookings/v2/confirmation/${id}:confirmOrDecline`, {}, b.ownerKey);
      if (r.status !== 200) throw new Error(`confirmOrDecline: ${r.status} ${r.body.slice(0, 200)}`);
      return true;
    });
    return { creates, pairs };
  } finally {
    for (const c of clients) c.close();
    for (const s of started) await s.stop();
    await asAdmin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

/** The PostgreSQL runs, one instance then two, on DATABASE_URL's server or a throwaway one. */
export async function postgresRuns(b: PostgresBench): Promise<PostgresRuns> {
  const given = process.env['DATABASE_URL'];
  let throwaway: ThrowawayPostgres | undefined;
  try {
    if (!given) throwaway = await startThrowawayPostgres();
    const server = given ?? throwaway?.url ?? '';
    return {
      server: given ? 'the server in DATABASE_URL' : 'a throwaway PostgreSQL started by the bench (scripts/postgres.mjs)',
      one: await runOn(server, 1, b),
      two: await runOn(server, 2, b),
    };
  } finally {
    throwaway?.stop();
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const errors = (r: Run) => (r.failed ? `; ${r.failed} failed (${r.firstError ?? ''})` : '');

/** The speed table's rows for the PostgreSQL runs: operations/s, each against the same floor as the SQLite rows. */
export function postgresRows(pg: PostgresRuns, floor: number): string[][] {
  const row = (what: string, r: Run) => [
    what,
    `${r.perSecond.toFixed(0)}${errors(r)}`,
    pct(r.perSecond / floor),
    'reported (issue 14)',
    r.failed === 0 ? '—' : '**FAILED**',
  ];
  return [
    row('PostgreSQL, one instance: visitor creates a free class booking, bookings/s', pg.one.creates),
    row('PostgreSQL, two instances (clients split across both): visitor creates, bookings/s', pg.two.creates),
    row('PostgreSQL, one instance: create + owner confirm-or-decline pairs, pairs/s', pg.one.pairs),
    row('PostgreSQL, two instances: create + confirm-or-decline on the other instance, pairs/s', pg.two.pairs),
  ];
}

/** Lines of the throughput-run table for the PostgreSQL runs (`line` formats one run as the SQLite ones). */
export function postgresRunLines(pg: PostgresRuns, line: (name: string, r: Run) => string): string[] {
  return [
    line('PostgreSQL, 1 instance: free class creates', pg.one.creates),
    line('PostgreSQL, 2 instances: free class creates', pg.two.creates),
    line('PostgreSQL, 1 instance: create + confirm-or-decline pairs', pg.one.pairs),
    line('PostgreSQL, 2 instances: create + confirm-or-decline pairs', pg.two.pairs),
  ];
}

/** What the PostgreSQL rows ran on, for the text under the table. */
export function postgresNote(pg: PostgresRuns | undefined): string {
  if (!pg) return '';
  return `

The PostgreSQL rows (issue 14) run the same create and pair loops against API processes on ${pg.server}, on a
fresh database holding the demo business alone (no seeded bookings; Community Yoga given room for everyone), one
instance and then two on one database; with two there is no proxy: the load loop's clients are split across both
instances, and a pair's \`confirmOrDecline\` goes to the other instance than its create. Every write holds the
business's advisory lock, so two instances share one writer, as SQLite's processes would.
`;
}
