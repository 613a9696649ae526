/**
 * Which addresses a webhook may reach (contract section 13: no server-side request forgery by default). A webhook
 * URL is typed by the owner but fetched by the server, from inside its network: without these rules it could
 * reach the database, a cloud metadata service (169.254.169.254) or an admin page on localhost. Only globally
 * reachable unicast addresses pass; everything else is named by kind, so a refusal says why. Pure functions: the
 * registration check (service.ts) and the delivery-time check after DNS (delivery.ts) both use them.
 */
import { isIP } from 'node:net';

export type AddressKind =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'shared (CGNAT)'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'documentation'
  | 'benchmarking'
  | 'IPv4-mapped'
  | 'unique-local'
  | 'site-local'
  | 'tunnel'
  | 'not an IP address';

type Range = readonly [prefix: bigint, bits: number, kind: AddressKind];

/** IPv4 blocks that are not globally reachable (IANA special-purpose registry), as [network, prefix length, kind]. */
const V4: readonly Range[] = [
  [v4('0.0.0.0'), 8, 'unspecified'],
  [v4('10.0.0.0'), 8, 'private'],
  [v4('100.64.0.0'), 10, 'shared (CGNAT)'],
  [v4('127.0.0.0'), 8, 'loopback'],
  [v4('169.254.0.0'), 16, 'link-local'],
  [v4('172.16.0.0'), 12, 'private'],
  [v4('192.0.0.0'), 24, 'reserved'],
  [v4('192.0.2.0'), 24, 'documentation'],
  [v4('192.88.99.0'), 24, 'reserved'],
  [v4('192.168.0.0'), 16, 'private'],
  [v4('198.18.0.0'), 15, 'benchmarking'],
  [v4('198.51.100.0'), 24, 'documentation'],
  [v4('203.0.113.0'), 24, 'documentation'],
  [v4('224.0.0.0'), 4, 'multicast'],
  [v4('255.255.255.255'), 32, 'broadcast'],
  [v4('240.0.0.0'), 4, 'reserved'],
];

/**
 * IPv6: only global unicast (2000::/3) can pass, minus the blocks below; the prefixes that embed an IPv4 address
 * (NAT64, 6to4) are judged by that address instead, since that is where the packets go.
 */
const V6: readonly Range[] = [
  [v6('::'), 128, 'unspecified'],
  [v6('::1'), 128, 'loopback'],
  [v6('::ffff:0:0'), 96, 'IPv4-mapped'],
  [v6('::ffff:0:0:0'), 96, 'IPv4-mapped'],
  [v6('64:ff9b:1::'), 48, 'private'],
  [v6('100::'), 64, 'reserved'],
  [v6('2001::'), 32, 'tunnel'],
  [v6('2001:2::'), 48, 'benchmarking'],
  [v6('2001:db8::'), 32, 'documentation'],
  [v6('3fff::'), 20, 'documentation'],
  [v6('fc00::'), 7, 'unique-local'],
  [v6('fe80::'), 10, 'link-local'],
  [v6('fec0::'), 10, 'site-local'],
  [v6('ff00::'), 8, 'multicast'],
];
const NAT64 = v6('64:ff9b::');
const SIX_TO_FOUR = v6('2002::');
const GLOBAL_UNICAST = v6('2000::');

/** What kind of address `ip` is (`public` when a webhook may reach it). Accepts `[v6]` and a `%zone` suffix. */
export function addressKind(ip: string): AddressKind {
  const bare = ip.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return kindOf(v4(bare), 32, V4);
  if (family !== 6) return 'not an IP address';
  const n = v6(bare);
  const special = kindOf(n, 128, V6);
  if (special !== 'public') return special;
  if (inRange(n, 128, NAT64, 96)) return kindOf(n & 0xffffffffn, 32, V4);
  if (inRange(n, 128, SIX_TO_FOUR, 16)) return kindOf((n >> 80n) & 0xffffffffn, 32, V4);
  return inRange(n, 128, GLOBAL_UNICAST, 3) ? 'public' : 'reserved';
}

/** Host names that name this machine or a local network whatever DNS says (RFC 6761, mDNS, common LAN suffixes). */
export function localHostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || !name.includes('.')) return true;
  return /\.(localhost|local|internal|localdomain|lan|home\.arpa)$/.test(name);
}

function kindOf(n: bigint, width: number, ranges: readonly Range[]): AddressKind {
  for (const [prefix, bits, kind] of ranges) if (inRange(n, width, prefix, bits)) return kind;
  return 'public';
}

function inRange(n: bigint, width: number, prefix: bigint, bits: number): boolean {
  const shift = BigInt(width - bits);
  return n >> shift === prefix >> shift;
}

function v4(text: string): bigint {
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

/** An IPv6 address (already checked by isIP, or a constant above) as a 128-bit number; a dotted IPv4 tail is allowed. */
function v6(text: string): bigint {
  let groups = text;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail?.[1]) {
    const n = v4(tail[1]);
    groups = `${text.slice(0, -tail[1].length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = groups.split('::');
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const all = rest === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}
