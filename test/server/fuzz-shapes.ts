/**
 * Wix-shaped request bodies for the fuzz suite: a valid-looking body per route (with real ids), then a few
 * mutations of it (a leaf replaced, a key dropped or added, a value wrapped or turned into a string), so the
 * fuzzer gets past schema validation into the domain rules. A route with no template gets random bodies only.
 */
import fc from 'fast-check';
import { hostileJson, hostileKey } from './fuzz-values.js';

export interface FuzzIds {
  serviceId: string;
  appointmentServiceId: string;
  scheduleId: string;
  eventId: string;
  variantsId: string;
  staffId: string;
  ruleId: string;
  bookingId: string;
  anonymousToken: string;
  checkoutId: string;
  orderId: string;
  refreshToken: string;
}

type Template = (ids: FuzzIds) => unknown[];
const BOOKINGS_APP_ID = '13d21c63-b5ec-5912-8397-c3a5ddb27a97';
const slot = (ids: FuzzIds) => ({ serviceId: ids.serviceId, eventId: ids.eventId });
const appointment = (ids: FuzzIds) => ({
  serviceId: ids.appointmentServiceId,
  scheduleId: ids.scheduleId,
  startDate: '2026-12-07T10:00:00',
  endDate: '2026-12-07T11:00:00',
  timezone: 'America/New_York',
});
const query = {
  query: {
    filter: { $and: [{ id: { $ne: 'x' } }, { $not: { name: { $in: ['a', 'b'] } } }] },
    sort: [{ fieldName: 'createdDate', order: 'DESC' }],
    paging: { limit: 10, offset: 0 },
  },
};
const workingHours = [{ day: 'MON', startTime: '09:00', endTime: '17:00' }];

/** `METHOD pattern` regexes to the bodies that route expects. */
const TEMPLATES: [RegExp, Template][] = [
  [/query$/, () => [query, { query: { filter: { status: 'CONFIRMED', startDate: { $gte: '2026-12-01T00:00:00Z' } } } }]],
  [
    /^POST \/bookings\/v2\/bookings$/,
    (ids) => [
      {
        booking: {
          bookedEntity: { slot: slot(ids) },
          contactDetails: { firstName: 'Fuzz', email: 'fuzz@example.com' },
          totalParticipants: 1,
          selectedPaymentOption: 'OFFLINE',
        },
      },
      {
        booking: {
          bookedEntity: { slot: appointment(ids) },
          contactDetails: { firstName: 'Fuzz', email: 'fuzz@example.com' },
          totalParticipants: 1,
        },
        flowControlSettings: { skipAvailabilityValidation: true },
      },
    ],
  ],
  [/bookings\/:id\/(confirm|decline|mark_booking_as_pending)$/, () => [{ revision: '1', paymentStatus: 'PAID' }]],
  [/(bookings\/:id|anonymous-bookings\/:\w+)\/cancel$/, () => [{ revision: '1', flowControlSettings: { ignoreCancellationPolicy: true } }]],
  [
    /reschedule$/,
    (ids) => [
      { slot: slot(ids), revision: '1' },
      { slot: appointment(ids), revision: '1' },
    ],
  ],
  [/update_number_of_participants$/, () => [{ revision: '1', totalParticipants: 2 }]],
  [/confirmOrDecline$/, () => [{ paymentStatus: 'NOT_PAID' }]],
  [
    /^(POST|PATCH) \/bookings\/v2\/services/,
    (ids) => [
      {
        service: {
          revision: '1',
          type: 'APPOINTMENT',
          name: 'Fuzz',
          defaultCapacity: 1,
          onlineBooking: { enabled: true },
          staffMemberIds: [ids.staffId],
          payment: { rateType: 'FIXED', fixed: { price: { value: '10.00', currency: 'USD' } }, options: { online: true, inPerson: true } },
          schedule: { availabilityConstraints: { sessionDurations: [30, 60] } },
        },
      },
    ],
  ],
  [
    /^(POST|PATCH) \/bookings\/v1\/serviceOptionsAndVariants/,
    (ids) => [
      {
        serviceOptionsAndVariants: {
          revision: '1',
          serviceId: ids.serviceId,
          options: { values: [{ id: 'o1', type: 'CUSTOM', customData: { name: 'Age', choices: ['Adult', 'Child'] } }] },
          variants: { values: [{ choices: [{ optionId: 'o1', custom: 'Adult' }], price: { value: '5.00', currency: 'USD' } }] },
        },
      },
    ],
  ],
  [/staff-members/, () => [{ staffMember: { revision: '1', name: 'Fuzz', email: 'fuzz@example.com', workingHours } }]],
  [
    /session-rules/,
    (ids) => [
      {
        sessionRule: {
          revision: '1',
          serviceId: ids.serviceId,
          start: '2026-12-08T18:00:00',
          durationInMinutes: 60,
          recurrence: { frequency: 'WEEKLY', days: ['TUE'], count: 3 },
          capacity: 5,
        },
      },
    ],
  ],
  [/site-properties/, () => [{ properties: { timeZone: 'Europe/Paris', siteDisplayName: 'Fuzz' } }]],
  [
    /time-slots$/,
    (ids) => [
      {
        serviceId: ids.appointmentServiceId,
        fromLocalDate: '2026-12-07T00:00:00',
        toLocalDate: '2026-12-09T00:00:00',
        timeZone: 'America/New_York',
        cursorPaging: { limit: 5 },
      },
    ],
  ],
  [
    /time-slots\/event$/,
    (ids) => [
      {
        serviceIds: [ids.serviceId],
        fromLocalDate: '2026-12-01T00:00:00',
        toLocalDate: '2026-12-31T00:00:00',
        includeNonBookable: true,
        cursorPaging: { limit: 5, cursor: null },
      },
    ],
  ],
  [/time-slots\/course$/, (ids) => [{ serviceId: ids.serviceId, timeZone: 'America/New_York' }]],
  [/pricing\/preview$/, (ids) => [{ bookingLineItems: [{ serviceId: ids.serviceId, numberOfParticipants: 2 }] }]],
  [/pricing\/calculate$/, (ids) => [{ booking: { bookedEntity: { slot: { serviceId: ids.serviceId } }, totalParticipants: 2 } }]],
  [
    /oauth2\/token$/,
    (ids) => [
      { clientId: 'fuzz', grantType: 'anonymous' },
      { grantType: 'refresh_token', refresh_token: ids.refreshToken },
      { grantType: 'password', email: 'member@example.com', password: 'wrong password for sure' },
    ],
  ],
  [/oauth2\/revoke$/, (ids) => [{ token: ids.refreshToken }]],
  [/members\/register$/, () => [{ email: 'fuzz@example.com', password: 'a fuzzing password 42', firstName: 'Fuzz', lastName: 'Er' }]],
  [
    /^POST \/ecom\/v1\/checkouts$/,
    (ids) => [
      { lineItems: [{ quantity: 1, catalogReference: { appId: BOOKINGS_APP_ID, catalogItemId: ids.bookingId } }], channelType: 'WEB' },
    ],
  ],
  [/create-order$/, () => [{ payment: { provider: 'sandbox', cardToken: 'tok_visa' } }, {}]],
  [/pricing-plans\/v2\/orders$/, () => [{ planId: 'plan', payment: { provider: 'sandbox', cardToken: 'tok_visa' } }]],
  [/events\/:eventId\/(cancel|restore)$/, () => [{}]],
];

export function templatesFor(method: string, pattern: string, ids: FuzzIds): unknown[] {
  const key = `${method} ${pattern}`;
  return TEMPLATES.filter(([re]) => re.test(key)).flatMap(([, make]) => make(ids));
}

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

/** Own property, even for `__proto__`, so JSON.stringify writes the key as an attacker would. */
function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

type Mutation = { at: number; op: 'replace' | 'delete' | 'add' | 'wrap' | 'stringify'; value: unknown; key: string };

function mutate(template: unknown, mutations: Mutation[]): unknown {
  let root: unknown = structuredClone(template);
  for (const m of mutations) {
    const paths = pathsOf(root);
    const path = paths[m.at % paths.length] ?? [];
    const parent = path.slice(0, -1).reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], root) as Record<
      string | number,
      unknown
    >;
    const last = path[path.length - 1];
    const node = last === undefined ? root : parent[last];
    const next =
      m.op === 'replace' ? m.value : m.op === 'wrap' ? [node] : m.op === 'stringify' ? (JSON.stringify(node) ?? 'undefined') : node;
    if (m.op === 'add' && node && typeof node === 'object' && !Array.isArray(node)) setOwn(node as Record<string, unknown>, m.key, m.value);
    else if (m.op === 'delete' && last !== undefined && !Array.isArray(parent)) delete parent[last];
    else if (last === undefined) root = next;
    else setOwn(parent, last, next);
  }
  return root;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace', 'replace', 'delete', 'add', 'add', 'wrap', 'stringify'),
  value: hostileJson,
  key: hostileKey,
});

/** A template as sent, or mutated up to three times. */
export function nearValid(templates: unknown[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...templates), fc.array(mutationArb, { maxLength: 3 }))
    .map(([template, mutations]) => JSON.stringify(mutate(template, mutations)) ?? 'null');
}
