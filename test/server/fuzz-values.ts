/**
 * Hostile values for the fuzz suite: random JSON, deep nesting, huge numbers, wrong types, prototype keys,
 * unicode and long strings, as values and as raw body text (some of what attackers send is not JSON.stringify's).
 */
import fc from 'fast-check';

export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
];

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom('$and', '$or', '$not', '$eq', '$in', '$where', 'id', 'query', 'filter', '') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

const hugeNumber = fc.constantFrom(
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  -0,
  1e21,
  0.1,
  -1,
  2 ** 31,
  2 ** 32 + 1,
);

/** Strings people and attackers send: unicode (lone surrogates too), control characters, long, date- and id-like. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.constantFrom('\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', 'é', '😀', '\n', '"', '\\', '%'),
      maxLength: 20,
    }),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }).map((n) => 'x'.repeat(n)) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'null',
      'undefined',
      'NaN',
      '-1',
      '0',
      '1e999',
      '2026-02-30T25:61:00',
      '2026-12-01T18:00:00',
      '9999-12-31T23:59:59',
      '0000-01-01T00:00:00',
      'Not/AZone',
      'America/New_York',
      'Etc/GMT+14',
      '../../etc/passwd',
      '%00',
      '<script>alert(1)</script>',
      "' OR 1=1 --",
      '00000000-0000-0000-0000-000000000000',
      'USD',
      'usd',
      'XXX',
      '25.00',
      '-25.00',
      '1e3',
      '0.001',
      '99999999999999.99',
      'ASC',
      'DESC',
      'CREATED',
      'CONFIRMED',
      'sandbox',
      'tok_visa',
      'anonymous',
      'password',
      'refresh_token',
      'WEEKLY',
      'MON',
      '24:00',
    ),
  },
);

/** Any JSON value, with hostile keys and strings and numbers JSON.stringify can still write. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    hugeNumber,
    hostileString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Nesting far past any sane depth, written as text so building it cannot overflow our own stack. */
export const deepBodyText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('[', '{"a":', '{"$not":', '{"$and":[', '{"query":{"filter":'), fc.integer({ min: 50, max: 7000 }))
  .map(([open, depth]) => {
    const close = open === '[' ? ']' : open === '{"$and":[' ? ']}' : open === '{"query":{"filter":' ? '}}' : '}';
    const leaf = open === '[' ? '1' : '{"id":"x"}';
    return `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;
  });

/** Body text no JSON.stringify would write: bad JSON, numbers beyond doubles, prototype keys, BOMs. */
export const oddBodyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '{',
    '}',
    '[',
    'null',
    'true',
    '0',
    '""',
    '[]',
    '{}',
    '\ufeff{}',
    '{"a":1,}',
    "{'a':1}",
    'NaN',
    '{"a":NaN}',
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"isAdmin":true}}}',
    '{"a":{"__proto__":[]}}',
    '{"query":{"filter":{"__proto__":{"$eq":1}}}}',
    '{"query":{"paging":{"limit":1e999,"offset":-1e999}}}',
    '{"query":{"paging":{"limit":100000000000000000000000000000,"offset":1.5}}}',
    '{"totalParticipants":1e400}',
    '{"revision":"99999999999999999999"}',
    '{"a":"\\ud800"}',
    '{"a":"\\u0000"}',
    '{"a":1}{"b":2}',
    '{"a":1} trailing',
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

/** A request body as text: random JSON most often, then deep, odd and oversized (the limit is 64 KiB). */
export const bodyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: hostileJson.map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 1, arbitrary: deepBodyText },
  { weight: 2, arbitrary: oddBodyText },
  { weight: 1, arbitrary: fc.integer({ min: 60_000, max: 70_000 }).map((n) => JSON.stringify({ x: 'y'.repeat(n) })) },
);

/** Kept under Node's 16 KiB header limit, so paths and query strings reach the routes (one case tests the limit). */
const shortString = hostileString.map((s) => s.slice(0, 2_000));

/** encodeURIComponent throws on a lone surrogate; a client would send U+FFFD's bytes instead. */
export const encode = (text: string): string =>
  encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

/** `?a=b&…` with hostile keys and values, arrays (a repeated key) and malformed percent-escapes. */
export const queryString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.tuple(fc.oneof(hostileKey, fc.constantFrom('limit', 'cursor', 'since', 'token', 'a[b]', 'a.b')), shortString), {
        minLength: 1,
        maxLength: 5,
      })
      .map((pairs) => `?${pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('?%', '?a=%E0%A4%A', '?a=1&a=2&a=3', '?__proto__[x]=1', '?=', '?&&', `?q=${'x'.repeat(17_000)}`),
  },
);

/** A path segment: random text, percent-encoded so it stays one segment; sometimes raw, malformed escapes. */
export const pathSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: shortString.map(encode) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%ZZ', '%00', '%2e%2e', '..', '.', '%2F', 'a;b', 'x'.repeat(2000)) },
);

export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      undefined,
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/json; charset=utf-16',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json, text/plain',
      '',
      ';;;',
    ),
  },
);
