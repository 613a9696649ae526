/**
 * Developer tool, not part of `npm run bench`: profiles the server under the write rows of the speed bench.
 * `node --import tsx bench/speed/profile-writes.ts <creates|pairs|catalogue> [seconds]` forks serve.ts with
 * `--cpu-prof` into /tmp/prof, drives the chosen operation with 50 clients, and prints operations/s.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { client, drive } from './load.js';
import type { ChildMessage } from './serve.js';
import { freeClassCreate } from './seed.js';
import { servedScript } from './child.js';
import { BOOKINGS_APP_ID } from '../../src/model/checkout.js';

const OWNER_KEY = 'bench-owner-key-at-least-24-chars';
const what = process.argv[2] ?? 'creates';
const seconds = Number(process.argv[3] ?? 8);
const serve = fileURLToPath(new URL('./serve.ts', import.meta.url));
const prof = process.env.NO_PROF ? [] : ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'];
// BUNDLED=1: the plain-JavaScript server the speed bench forks (bundled by child.ts).
const script = process.env.BUNDLED ? await servedScript() : serve;
const loader = [...(process.env.BUNDLED ? [] : ['--import', 'tsx']), ...(process.env.EXPOSE_GC ? ['--expose-gc'] : [])];
const child = fork(script, ['api', process.env.BOOKINGS ?? '50000'], { execArgv: [...loader, ...prof], stdio: 'inherit' });
const first = await new Promise<ChildMessage>((resolve) => child.once('message', (m) => resolve(m as ChildMessage)));
if (!('port' in first) || !first.workload) throw new Error('no port');
const w = first.workload;
const http = client(first.port, 50);
const tokens: string[] = [];
for (let i = 0; i < Number(process.env.TOKENS ?? 400); i++) {
  const r = await http.post('/oauth2/token', { grantType: 'anonymous' });
  tokens.push((JSON.parse(r.body) as { access_token: string }).access_token);
}
let seq = 0;
const perVisitor = 3 * w.freeEvents.length;
async function create() {
  const g = seq++;
  const token = tokens[Math.floor(g / perVisitor)] ?? '';
  const r = await http.post('/bookings/v2/bookings', freeClassCreate(w, g), token);
  if (r.status !== 200) throw new Error(`create ${r.status} ${r.body}`);
  return { id: (JSON.parse(r.body) as { booking: { id: string } }).booking.id, token };
}
const ops: Record<string, () => Promise<boolean>> = {
  creates: async () => {
    const { id, token } = await create();
    const lineItems = [{ quantity: 1, catalogReference: { appId: BOOKINGS_APP_ID, catalogItemId: id } }];
    const co = await http.post('/ecom/v1/checkouts', { lineItems }, token);
    const checkoutId = (JSON.parse(co.body) as { checkout: { id: string } }).checkout.id;
    return (await http.post(`/ecom/v1/checkouts/${checkoutId}/create-order`, {}, token)).status === 200;
  },
  create: async () => (await create(), true),
  pairs: async () => {
    const { id } = await create();
    return (await http.post(`/bookings/v2/confirmation/${id}:confirmOrDecline`, {}, OWNER_KEY)).status === 200;
  },
  catalogue: async () => (await http.post('/bookings/v2/services/query', {})).status === 200,
};
const op = ops[what];
if (!op) throw new Error(`unknown ${what}`);
const run = await drive(50, 1e9, seconds * 1000, op);
console.log(`${what}: ${run.perSecond.toFixed(0)}/s, ${run.done} ok, ${run.failed} failed ${run.firstError ?? ''}`);
child.send('rss');
console.log(await new Promise((resolve) => child.once('message', resolve)));
http.close();
child.send('stop');
