/**
 * The PostgreSQL setup stores against SQLite's, differentially: every call runs on both; the answers must be deeply
 * equal, and equal to the values written here (so both cannot be wrong together). Stale revisions write nothing.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Service, ServiceChoice, ServiceOption, ServiceOptionsAndVariants } from '../../src/model/service.js';
import type { SessionRule, StaffMember, Weekday, WorkingHours } from '../../src/model/business.js';
import type { Storage } from '../../server/storage/types.js';
import { createSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite/index.js';
import type { PostgresExecutor } from '../../server/storage/postgres/executor.js';
import { PostgresCatalogueStore } from '../../server/storage/postgres/catalogue-store.js';
import { PostgresPolicyStore } from '../../server/storage/postgres/policy-store.js';
import { PostgresStaffStore } from '../../server/storage/postgres/staff-store.js';
import { PostgresScheduleStore } from '../../server/storage/postgres/schedule-store.js';
import { PostgresPlanStore } from '../../server/storage/postgres/plan-store.js';
import { PostgresContactStore } from '../../server/storage/postgres/contact-store.js';
import { PostgresMemberStore } from '../../server/storage/postgres/member-store.js';
import { makePolicy } from '../../server/seed/policies.js';
import { migratedDatabase } from './postgres-fixtures.js';

type Stores = 'catalogue' | 'policies' | 'staff' | 'schedules' | 'plans' | 'contacts' | 'members' | 'setupVersion';
/** `made`: ids a store made itself (contacts), different on each side. */
type Side = Pick<Storage, Stores> & { made: Map<string, string> };

const T = (n: number) => new Date(Date.UTC(2026, 0, 5, 9, 0, n)).toISOString();
const usd = (value: string) => ({ value, currency: 'USD' });
const hours = (day: Weekday, startTime: string, endTime: string) => ({ day, startTime, endTime });
const withoutUpdated = <T extends object | null>(v: T) => v && { ...v, updatedDate: 'any' };
const noUpdated = <T extends object | null>(v: T | T[]) => (Array.isArray(v) ? v.map(withoutUpdated) : withoutUpdated(v));

const standard = makePolicy('pol-standard', 'Standard', { default: true, createdDate: T(1), updatedDate: T(1) });
const flow = makePolicy('pol-flow', 'Flow', { createdDate: T(2), updatedDate: T(2), bookAfterStartPolicy: { enabled: true } });
Object.assign(flow, { customPolicyDescription: { enabled: true, description: 'Arrive early.' } });
Object.assign(flow, { participantsPolicy: { maxParticipantsPerBooking: 2, maxUnpaidBookingsPerSession: 3 } });
const spare = makePolicy('pol-spare', 'Spare', { createdDate: T(2), updatedDate: T(2) });

const staff = (id: string, name: string, email: string | undefined, workingHours: WorkingHours[]): StaffMember => {
  const dates = { createdDate: T(3), updatedDate: T(3), revision: '1' };
  return { id, name, ...(email ? { email } : {}), scheduleId: `sched-${id}`, workingHours, timeOff: [], ...dates };
};
const maya = staff('st-maya', 'Maya Chen', 'maya@harbor.example', [hours('WED', '13:00', '17:00'), hours('MON', '07:00', '12:30')]);
const alex = staff('st-alex', 'Alex Rivera', undefined, [hours('TUE', '09:00', '17:00')]);
const zed = staff('st-zed', 'alex lowercase', undefined, []);

const business = { id: 'biz', name: 'Harbor Studio', default: true, address: { city: 'Brooklyn' } };
type Fields = Partial<Service> & Pick<Service, 'id' | 'type' | 'name' | 'payment' | 'createdDate'>;
const service = (fields: Fields): Service => ({
  ...{ hidden: false, defaultCapacity: 1, staffMemberIds: [], bookingPolicy: standard, revision: '1', updatedDate: fields.createdDate },
  onlineBooking: { enabled: true, requireManualApproval: false, allowMultipleRequests: false },
  schedule: { id: `sched-${fields.id}`, availabilityConstraints: { sessionDurations: [60], timeBetweenSessions: 0 } },
  locations: [{ type: 'BUSINESS', business }],
  ...fields,
});
const options = { online: true, inPerson: true, deposit: false, pricingPlan: false };
const yoga = { id: 'cat-yoga', name: 'Yoga', sortOrder: 1 };
const media = { items: [{ image: { url: 'https://img.example/v.jpg', width: 800, height: 600 } }] };
const vinyasa = service({
  ...{ id: 'svc-vinyasa', type: 'CLASS', name: 'Vinyasa Flow', tagLine: 'Breath-led.', description: 'Sixty minutes.', media },
  ...{ category: yoga, defaultCapacity: 12, bookingPolicy: flow, staffMemberIds: ['st-maya'], createdDate: T(10) },
  payment: { rateType: 'FIXED', fixed: { price: usd('20.00'), fullUpfrontPaymentAllowed: true }, options, pricingPlanIds: [] },
});
const varied = { defaultPrice: usd('80.00'), deposit: usd('20.00'), fullUpfrontPaymentAllowed: false };
const training = service({
  ...{ id: 'svc-training', type: 'APPOINTMENT', name: 'Personal Training', staffMemberIds: ['st-maya', 'st-alex'], createdDate: T(11) },
  schedule: { id: 'sched-training', availabilityConstraints: { sessionDurations: [30, 60], timeBetweenSessions: 15 } },
  payment: { rateType: 'VARIED', varied, options: { ...options, deposit: true }, pricingPlanIds: [] },
});
const consult = service({
  ...{ id: 'svc-b-consult', type: 'APPOINTMENT', name: 'Consultation', createdDate: T(11) },
  payment: { rateType: 'CUSTOM', custom: { description: 'Priced on request' }, options, pricingPlanIds: [] },
});
const community = service({
  ...{ id: 'svc-community', type: 'COURSE', name: 'Community Yoga', hidden: true, mainSlug: { name: 'community-yoga' } },
  ...{ defaultCapacity: 3, createdDate: T(9) },
  payment: { rateType: 'NO_FEE', options: { ...options, online: false }, pricingPlanIds: [] },
});
const lengths: ServiceOption = { id: 'opt-len', type: 'CUSTOM', customData: { name: 'Length', choices: ['Short', 'Long'] } };
const variant = (id: string, price: string, choice: ServiceChoice) => ({ id, choices: [choice], price: usd(price) });
const length = (custom: string) => ({ optionId: 'opt-len', custom });
const values = [variant('var-1', '60.00', length('Short')), variant('var-2', '100.00', length('Long'))];
values.push(variant('var-3', '80.50', { optionId: 'opt-staff', staffMemberId: 'st-maya' }));
const variants: ServiceOptionsAndVariants = {
  ...{ id: 'ov-training', serviceId: 'svc-training', revision: '1' },
  options: { values: [{ id: 'opt-staff', type: 'STAFF_MEMBER' }, lengths] },
  variants: { values },
};
const rule = (id: string, serviceId: string, start: string, more: Partial<SessionRule> = {}): SessionRule => {
  return { id, scheduleId: `sched-${serviceId}`, serviceId, start, durationInMinutes: 60, revision: '1', ...more };
};
const every = (days: Weekday[], more = {}) => ({ recurrence: { frequency: 'WEEKLY' as const, days, ...more } });
const vinyasaAt7 = { title: 'Vinyasa Flow', staffMemberId: 'st-maya', capacity: 12, ...every(['MON', 'WED', 'FRI']) };
const weekly = rule('rule-a', 'svc-vinyasa', '2026-01-05T07:00:00', vinyasaAt7);
const course = rule('rule-b', 'svc-community', '2026-01-06T19:00:00', every(['TUE'], { until: '2026-02-10T23:59:00', count: 6 }));
const single = rule('rule-c', 'svc-vinyasa', '2026-01-05T07:00:00', { durationInMinutes: 90, staffMemberId: 'st-alex' });
const plan = (id: string, name: string, price: string, days: number, eligibleServiceIds: string[]) => {
  const pricing = { price: usd(price), singlePaymentForDuration: { count: days, unit: 'DAY' as const } };
  return { id, name, pricing, durationInDays: days, eligibleServiceIds };
};
const unlimited = plan('plan-unlimited', 'Unlimited', '99.00', 30, ['svc-vinyasa']);
const tenClass = { ...plan('plan-ten', '10-Class Pass', '150.00', 90, ['svc-vinyasa', 'svc-community']), credits: 10, description: 'Ten.' };

describe('PostgreSQL setup stores answer as SQLite’s do', () => {
  let sqlite: SqliteStorage;
  let pg: { x: PostgresExecutor; close(): Promise<void> };
  let sides: [Side, Side];

  before(async () => {
    sqlite = createSqliteStorage(':memory:');
    pg = await migratedDatabase();
    const x = pg.x;
    const [catalogue, policies, staff] = [new PostgresCatalogueStore(x), new PostgresPolicyStore(x), new PostgresStaffStore(x)];
    const [schedules, plans] = [new PostgresScheduleStore(x), new PostgresPlanStore(x)];
    const [contacts, members] = [new PostgresContactStore(x), new PostgresMemberStore(x)];
    const postgres = { catalogue, policies, staff, schedules, plans, contacts, members, setupVersion: () => x.setupVersion };
    const side = (stores: Omit<Side, 'made'>): Side => ({ ...stores, made: new Map() });
    sides = [side(sqlite), side(postgres)];
  });
  after(() => Promise.all([sqlite.close(), pg.close()]));
  /** Runs `call` on both sides; their answers (after `normalize`) must be deeply equal. Returns SQLite's. */
  async function both<T>(call: (s: Side) => Promise<T>, normalize: (value: T, s: Side) => unknown = (v) => v): Promise<T> {
    const [a, b] = [await call(sides[0]), await call(sides[1])];
    assert.deepStrictEqual(normalize(b, sides[1]), normalize(a, sides[0]));
    return a;
  }
  /** `call` fails on both sides. */
  async function bothFail(call: (s: Side) => Promise<unknown>): Promise<void> {
    for (const s of sides) await assert.rejects(call(s));
  }
  /** A setup write moves the setup version on both sides. */
  async function setupWrite<T>(call: (s: Side) => Promise<T>): Promise<T> {
    const before = sides.map((s) => s.setupVersion());
    const answer = await both(call);
    sides.forEach((s, i) => assert.ok(s.setupVersion() > (before[i] ?? 0), 'the setup version moved'));
    return answer;
  }
  it('policies: insert, get, list, default, revision-checked update, delete', async () => {
    for (const p of [standard, flow, spare]) await setupWrite((s) => s.policies.insert(p));
    assert.deepEqual(await both((s) => s.policies.get('pol-flow')), flow);
    assert.equal(await both((s) => s.policies.get('nope')), null);
    assert.deepEqual(await both((s) => s.policies.list()), [standard, flow, spare]);
    assert.deepEqual(await both((s) => s.policies.getDefault()), standard);
    const renamed = { ...spare, name: 'Spare (renamed)', revision: '2', bookAfterStartPolicy: { enabled: true } };
    assert.equal(await setupWrite((s) => s.policies.update(renamed, '1')), true);
    assert.equal(await setupWrite((s) => s.policies.update({ ...renamed, name: 'Stale', revision: '3' }, '1')), false);
    assert.equal(await both((s) => s.policies.update({ ...renamed, revision: '3' }, 'not-a-number')), false);
    // updatedDate is the clock's at the update, different on each side: compared apart.
    const got = await both((s) => s.policies.get('pol-spare'), noUpdated);
    assert.deepEqual(noUpdated(got), noUpdated(renamed));
    assert.ok(got && got.updatedDate! > T(2));
    assert.equal(await setupWrite((s) => s.policies.setDefault('pol-flow')), true);
    assert.equal(await both((s) => s.policies.setDefault('nope')), false);
    assert.equal((await both((s) => s.policies.getDefault(), noUpdated))?.id, 'pol-flow');
    const list = await both((s) => s.policies.list(), noUpdated);
    assert.deepEqual(noUpdated(list), noUpdated([standard, flow, renamed].map((p) => ({ ...p, default: p === flow }))));
    assert.equal(await both((s) => s.policies.delete('pol-flow')), false, 'the default stays');
    assert.equal(await setupWrite((s) => s.policies.delete('pol-spare')), true);
    assert.equal(await both((s) => s.policies.delete('pol-spare')), false);
    await both((s) => s.policies.insert(spare));
  });
  it('staff and working hours', async () => {
    for (const m of [maya, alex, zed]) await setupWrite((s) => s.staff.insert(m));
    const mayaHours = [hours('MON', '07:00', '12:30'), hours('WED', '13:00', '17:00')];
    assert.deepEqual(await both((s) => s.staff.get('st-maya')), { ...maya, workingHours: mayaHours }, 'hours by weekday');
    assert.equal(await both((s) => s.staff.get('nope')), null);
    const names = (await both((s) => s.staff.list())).map((m) => m.name);
    assert.deepEqual(names, ['Alex Rivera', 'Maya Chen', 'alex lowercase'], 'bytewise, as SQLite');
    const sunday = { workingHours: [hours('SUN', '10:00', '14:00')] };
    const moved = { ...alex, email: 'alex@harbor.example', revision: '2', updatedDate: T(4), ...sunday };
    assert.equal(await setupWrite((s) => s.staff.update(moved, '1')), true);
    assert.equal(await both((s) => s.staff.update({ ...moved, name: 'Stale', workingHours: [] }, '1')), false);
    assert.deepEqual(await both((s) => s.staff.get('st-alex')), moved);
    const zedHours = [hours('FRI', '18:00', '24:00'), hours('FRI', '06:00', '08:15')];
    await setupWrite((s) => s.staff.setWorkingHours('st-zed', zedHours));
    assert.deepEqual((await both((s) => s.staff.get('st-zed')))?.workingHours, [zedHours[1], zedHours[0]]);
    assert.equal(await setupWrite((s) => s.staff.delete('st-zed')), true);
    assert.equal(await both((s) => s.staff.delete('st-zed')), false);
  });
  it('categories, services and variants', async () => {
    const air = { id: 'cat-air', name: 'aerial', sortOrder: 1 };
    for (const c of [yoga, air, { id: 'cat-x', name: 'Extra' }]) await setupWrite((s) => s.catalogue.saveCategory(c));
    const extra = { id: 'cat-x', name: 'Extra (renamed)', sortOrder: 5 };
    await setupWrite((s) => s.catalogue.saveCategory(extra));
    assert.deepEqual(await both((s) => s.catalogue.listCategories()), [yoga, air, extra]);
    for (const svc of [vinyasa, training, consult, community]) await setupWrite((s) => s.catalogue.insertService(svc));
    await bothFail((s) => s.catalogue.insertService(vinyasa));
    const stored = (svc: Service) => {
      const { revision: _r, createdDate: _c, updatedDate: _u, ...policy } = svc.bookingPolicy;
      return { ...svc, bookingPolicy: { ...policy, default: policy.id === 'pol-flow' } };
    };
    assert.deepEqual(await both((s) => s.catalogue.getService('svc-vinyasa')), stored(vinyasa));
    assert.deepEqual(await both((s) => s.catalogue.getService('svc-b-consult')), stored(consult));
    assert.deepEqual(await both((s) => s.catalogue.getService('svc-community')), stored(community));
    assert.equal(await both((s) => s.catalogue.getService('nope')), null);
    const order = (await both((s) => s.catalogue.listServices())).map((x) => x.id);
    assert.deepEqual(order, ['svc-community', 'svc-vinyasa', 'svc-b-consult', 'svc-training'], 'by createdDate, then id');
    await setupWrite((s) => s.catalogue.insertVariants(variants));
    const range = (lo: string, hi: string) => ({ minPrice: usd(lo), maxPrice: usd(hi) });
    const withRange = { ...variants, ...range('60.00', '100.00') };
    assert.deepEqual(await both((s) => s.catalogue.getVariants('ov-training')), withRange);
    assert.deepEqual(await both((s) => s.catalogue.getVariantsByService('svc-training')), withRange);
    assert.equal(await both((s) => s.catalogue.getVariantsByService('svc-vinyasa')), null);
    assert.equal(await both((s) => s.catalogue.getVariants('nope')), null);
    assert.deepEqual(await both((s) => s.catalogue.listVariants()), [withRange]);
    const t = await both((s) => s.catalogue.getService('svc-training'));
    assert.deepEqual(t, stored({ ...training, payment: { ...training.payment, varied: { ...varied, ...range('60.00', '100.00') } } }));
    const fewer = { ...variants, revision: '2', variants: { values: [{ id: 'var-9', choices: [], price: usd('45.25') }] } };
    assert.equal(await setupWrite((s) => s.catalogue.updateVariants(fewer, '1')), true);
    assert.equal(await both((s) => s.catalogue.updateVariants({ ...variants, revision: '3' }, '1')), false);
    const fewerStored = { ...fewer, ...range('45.25', '45.25') };
    assert.deepEqual(await both((s) => s.catalogue.getVariants('ov-training')), fewerStored);
    const edited = { ...training, name: 'Training 1:1', staffMemberIds: ['st-alex'], category: extra, revision: '2', updatedDate: T(20) };
    assert.equal(await setupWrite((s) => s.catalogue.updateService(edited, '1')), true);
    assert.equal(await both((s) => s.catalogue.updateService({ ...edited, name: 'Stale', staffMemberIds: [] }, '1')), false);
    const editedStored = stored({ ...edited, payment: { ...edited.payment, varied: { ...varied, ...range('45.25', '45.25') } } });
    assert.deepEqual(await both((s) => s.catalogue.getService('svc-training')), editedStored);
    assert.equal(await setupWrite((s) => s.catalogue.deleteVariants('ov-training')), true);
    assert.equal(await both((s) => s.catalogue.deleteVariants('ov-training')), false);
    assert.deepEqual((await both((s) => s.catalogue.getService('svc-training')))?.payment.varied, varied);
    await bothFail((s) => s.policies.delete('pol-standard')); // services still use it
    assert.equal(await setupWrite((s) => s.catalogue.deleteService('svc-b-consult')), true);
    assert.equal(await both((s) => s.catalogue.deleteService('svc-b-consult')), false);
  });
  it('session rules and cancelled occurrences', async () => {
    for (const r of [weekly, course, single]) await setupWrite((s) => s.schedules.insertRule(r));
    const ids = async (filter: Parameters<Storage['schedules']['listRules']>[0]) =>
      (await both((s) => s.schedules.listRules(filter))).map((r) => r.id);
    assert.deepEqual(await both((s) => s.schedules.listRules()), [weekly, single, course], 'by start, then id');
    assert.deepEqual(await ids({ serviceId: 'svc-vinyasa' }), ['rule-a', 'rule-c']);
    assert.deepEqual(await ids({ serviceIds: ['svc-community', 'nope'] }), ['rule-b']);
    assert.deepEqual(await ids({ serviceIds: [] }), []);
    assert.deepEqual(await ids({ staffMemberId: 'st-alex' }), ['rule-c']);
    assert.deepEqual(await ids({ serviceIds: ['svc-vinyasa'], staffMemberId: 'st-maya' }), ['rule-a']);
    assert.deepEqual(await both((s) => s.schedules.getRule('rule-b')), course);
    assert.equal(await both((s) => s.schedules.getRule('nope')), null);
    const moved = { ...single, start: '2026-01-07T08:00:00', title: 'Moved', capacity: 4, revision: '2' };
    assert.equal(await setupWrite((s) => s.schedules.updateRule(moved, '1')), true);
    assert.equal(await both((s) => s.schedules.updateRule({ ...moved, title: 'Stale' }, '1')), false);
    assert.deepEqual(await both((s) => s.schedules.getRule('rule-c')), moved);
    const at = (ruleId: string, localStart: string) => ({ ruleId, localStart });
    const cancel = (c: ReturnType<typeof at>, on = true) =>
      setupWrite((s) => s.schedules.setOccurrenceCancelled(c.ruleId, c.localStart, on));
    const [a7, a9, b13] = [at('rule-a', '2026-01-07T07:00:00'), at('rule-a', '2026-01-09T07:00:00'), at('rule-b', '2026-01-13T19:00:00')];
    for (const c of [b13, a9, a7, a7]) await cancel(c); // a7 twice: still one
    await cancel(a9, false);
    const cancelled = [a7, b13];
    assert.deepEqual(await both((s) => s.schedules.listCancelledOccurrences(['rule-b', 'rule-a', 'rule-c'])), cancelled);
    assert.deepEqual(await both((s) => s.schedules.listCancelledOccurrences([])), []);
    assert.equal(await setupWrite((s) => s.schedules.deleteRule('rule-b')), true);
    assert.equal(await both((s) => s.schedules.deleteRule('rule-b')), false);
    assert.deepEqual(await both((s) => s.schedules.listCancelledOccurrences(['rule-b'])), [], 'gone with its rule');
  });
  it('contacts by email (case-insensitive), members and plans with member orders', async () => {
    // Contact ids are random on each side: compared as RILEY when they are that side's first contact.
    const riley = (s: Side) => s.made.get('riley') ?? '';
    const asRiley = (id: string | undefined, s: Side) => (id === riley(s) ? 'RILEY' : id);
    const contactOf = (c: { contactId: string } | null, s: Side) => c && { ...c, contactId: asRiley(c.contactId, s) };
    const first = { email: 'Riley@Example.com', firstName: 'Riley' };
    await both((s) => s.contacts.upsertByEmail(first).then((id) => (s.made.set('riley', id), 'made')));
    const more = { email: 'riley@example.COM', firstName: 'Other', lastName: 'Morgan', phone: '+1 555 0100' };
    assert.equal(await both((s) => s.contacts.upsertByEmail(more), asRiley), riley(sides[0]), 'the same contact');
    const filled = { contactId: riley(sides[0]), firstName: 'Riley', lastName: 'Morgan', email: 'Riley@Example.com', phone: '+1 555 0100' };
    assert.deepEqual(await both((s) => s.contacts.get(riley(s)), contactOf), filled);
    for (const s of sides) {
      const [a, b] = [await s.contacts.upsertByEmail({ firstName: 'Ann' }), await s.contacts.upsertByEmail({ firstName: 'Ann' })];
      assert.notEqual(a, b, 'no email: a new contact each time');
      assert.deepEqual(await s.contacts.get(b), { contactId: b, firstName: 'Ann' });
    }
    assert.equal(await both((s) => s.contacts.get('nope')), null);
    const dates = { createdDate: T(30), updatedDate: T(30) };
    const member = (s: Side) => ({ id: 'mem-1', contactId: riley(s), loginEmail: 'Member@Example.com', profile: { firstName: 'Riley' } });
    const record = (s: Side) => ({ ...member(s), passwordHash: 'h1', ...dates });
    await both((s) => s.members.insert(record(s)));
    await bothFail((s) => s.members.insert({ ...record(s), id: 'mem-2', loginEmail: 'MEMBER@example.com' }));
    assert.deepEqual(await both((s) => s.members.getByEmail('member@EXAMPLE.com'), contactOf), record(sides[0]));
    assert.equal(await both((s) => s.members.getByEmail('other@example.com')), null);
    await both((s) => s.members.setPasswordHash('mem-1', 'h2', T(40)));
    assert.deepEqual(await both((s) => s.members.get('mem-1'), contactOf), { ...record(sides[0]), passwordHash: 'h2', updatedDate: T(40) });
    assert.equal(await both((s) => s.members.get('nope')), null);
    for (const p of [tenClass, unlimited]) await setupWrite((s) => s.plans.insert(p));
    const ten = { ...tenClass, eligibleServiceIds: ['svc-community', 'svc-vinyasa'] };
    assert.deepEqual(await both((s) => s.plans.get('plan-ten')), ten);
    assert.equal(await both((s) => s.plans.get('nope')), null);
    assert.deepEqual(await both((s) => s.plans.list()), [unlimited, ten], 'cheapest first');
    assert.deepEqual((await both((s) => s.catalogue.getService('svc-vinyasa')))?.payment.pricingPlanIds, ['plan-ten', 'plan-unlimited']);
    const [day, now] = [86_400_000, Date.now()];
    const order = (id: string, planId: string, from: number, to: number, credits?: { total: number; remaining: number }) => {
      const [startDate, expirationDate] = [new Date(now + from * day).toISOString(), new Date(now + to * day).toISOString()];
      const [planName, status] = [planId === 'plan-ten' ? '10-Class Pass' : 'Unlimited', to > 0 ? 'ACTIVE' : 'ENDED'];
      const facts = { id, planId, planName, memberId: 'mem-1', status: status as 'ACTIVE' | 'ENDED', startDate, expirationDate };
      return { ...facts, ...(credits ? { credits } : {}) };
    };
    const orders = [order('ord-new', 'plan-ten', -1, 89, { total: 10, remaining: 7 }), order('ord-old', 'plan-unlimited', -60, -30)];
    for (const o of orders) await both((s) => s.plans.insertMemberOrder(o));
    assert.deepEqual(await both((s) => s.plans.listMemberOrders('mem-1')), [orders[1], orders[0]], 'by start; ENDED once expired');
    assert.deepEqual(await both((s) => s.plans.listMemberOrders('nobody')), []);
  });
});
