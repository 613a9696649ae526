/**
 * `booking-server doctor [same flags]`: checks a set-up for what an attacker would try first and says what to
 * do about each finding. The server runs the same checks at start and prints them as warnings.
 * Exit code: 0 all well, 1 something needs attention, 2 the flags themselves are wrong.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig, ConfigError, MIN_OWNER_KEY_LENGTH, type ServerConfig } from './config.js';

export interface Finding {
  problem: string;
  fix: string;
}

const GENERATE_KEY = `node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"`;
/** A random key of the minimum length has about 18 different characters; a made-up one often far fewer. */
const MIN_DISTINCT_CHARACTERS = 10;

export function checkOwnerKeyStrength(key: string | undefined): Finding[] {
  if (key === undefined) {
    return [
      {
        problem: 'No owner key is configured, so a new one is made at every start.',
        fix: `Set BOOKINGS_OWNER_KEY to a key made with: ${GENERATE_KEY}`,
      },
    ];
  }
  if (key.length < MIN_OWNER_KEY_LENGTH) {
    return [
      {
        problem: `The owner key has ${key.length} characters; the server refuses keys under ${MIN_OWNER_KEY_LENGTH}.`,
        fix: `Make a new key with: ${GENERATE_KEY}`,
      },
    ];
  }
  const distinct = new Set(key).size;
  if (distinct < MIN_DISTINCT_CHARACTERS) {
    return [
      {
        problem: `The owner key uses only ${distinct} different characters, so it is easy to guess.`,
        fix: `Make a random key with: ${GENERATE_KEY}`,
      },
    ];
  }
  return [];
}

/** Group or world may read (or write) it: the database holds customers' details and token hashes. */
function openToOthers(path: string): number | undefined {
  try {
    const mode = statSync(path).mode & 0o777;
    return mode & 0o077 ? mode : undefined;
  } catch {
    return undefined; // not there: nothing to read
  }
}

export function checkDatabaseFiles(config: ServerConfig): Finding[] {
  if (config.databaseUrl || config.db === ':memory:') return [];
  const file = resolve(config.db);
  const findings: Finding[] = [];
  const dir = dirname(file);
  const dirMode = openToOthers(dir);
  if (dirMode !== undefined) {
    findings.push({ problem: `The database folder ${dir} is open to other users (mode ${dirMode.toString(8)}).`, fix: `chmod 700 ${dir}` });
  }
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    const mode = openToOthers(path);
    if (mode !== undefined)
      findings.push({ problem: `${path} can be read by other users (mode ${mode.toString(8)}).`, fix: `chmod 600 ${path}` });
  }
  return findings;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/;

export function checkNetwork(config: ServerConfig): Finding[] {
  const findings: Finding[] = [];
  if (config.allowedOrigins === '*' && config.seed !== 'demo') {
    findings.push({
      problem: "Any website may call the API from its visitors' browsers (BOOKINGS_ALLOWED_ORIGINS is unset or *).",
      fix: 'Set BOOKINGS_ALLOWED_ORIGINS to the sites that embed the widget, e.g. https://studio.example,https://www.studio.example',
    });
  }
  if (config.trustProxy === false && LOOPBACK.test(config.host) && config.seed !== 'demo') {
    findings.push({
      problem: `The server listens on ${config.host} only, as it does behind a reverse proxy, but trusts no proxy: every client then looks like the proxy, and one client's limits lock out all.`,
      fix: "If a proxy forwards to this server, start it with --trust-proxy loopback (or the proxy's address); if not, ignore this.",
    });
  }
  if (config.trustProxy === true && !LOOPBACK.test(config.host)) {
    findings.push({
      problem: `--trust-proxy true on ${config.host}: anyone who reaches the server directly can claim any address in X-Forwarded-For.`,
      fix: 'Trust only your proxy: --trust-proxy with its address or CIDR (or loopback), or a hop count.',
    });
  }
  return findings;
}

export function checkNotifications(config: ServerConfig): Finding[] {
  const findings: Finding[] = [];
  if (config.webhooksAllowPrivate) {
    findings.push({
      problem: "WEBHOOKS_ALLOW_PRIVATE is on: webhook endpoints may reach this network's private and loopback addresses.",
      fix: 'Turn it off outside development (unset WEBHOOKS_ALLOW_PRIVATE, drop --webhooks-allow-private).',
    });
  }
  if (!config.publicUrl && !LOOPBACK.test(config.host) && config.seed !== 'demo') {
    findings.push({
      problem: `PUBLIC_URL is unset, so the links in emails point at http://localhost:${config.port}, which customers cannot open.`,
      fix: 'Set PUBLIC_URL to the address customers reach this server at, e.g. https://book.studio.example',
    });
  }
  return findings;
}

/** All checks; `ownerKey` is the configured key (undefined when none was given). */
export function checkSetup(config: ServerConfig, ownerKey: string | undefined): Finding[] {
  return [...checkOwnerKeyStrength(ownerKey), ...checkDatabaseFiles(config), ...checkNetwork(config), ...checkNotifications(config)];
}

export function formatFindings(findings: Finding[], prefix = 'warning'): string {
  return findings.map((f) => `${prefix}: ${f.problem}\n  what to do: ${f.fix}\n`).join('');
}

/** The configured owner key and the flags without it, so a key the server would refuse can still be judged. */
function splitOwnerKey(argv: string[], env: NodeJS.ProcessEnv): { key: string | undefined; argv: string[]; env: NodeJS.ProcessEnv } {
  const valued = { type: 'string' } as const;
  const options = { port: valued, host: valued, db: valued, seed: valued, 'owner-key': valued, 'trust-proxy': valued };
  const { tokens } = parseArgs({ args: argv, options, strict: false, tokens: true });
  const keyToken = tokens.find((t) => t.kind === 'option' && t.name === 'owner-key');
  const option = keyToken?.kind === 'option' ? keyToken : undefined;
  // `--owner-key K` takes two arguments, `--owner-key=K` one.
  const rest = argv.filter((_, i) => !option || (i !== option.index && !(option.inlineValue === false && i === option.index + 1)));
  const flagKey = option?.value;
  return { key: flagKey || env['BOOKINGS_OWNER_KEY'] || undefined, argv: rest, env: { ...env, BOOKINGS_OWNER_KEY: '' } };
}

/** `booking-server doctor`: prints each finding with what to do; resolves with the exit code. */
export function runDoctor(argv: string[], env: NodeJS.ProcessEnv, out: (text: string) => void): number {
  let config: ServerConfig;
  const split = splitOwnerKey(argv, env);
  try {
    config = parseConfig(split.argv, split.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    out(`${error.message}\n`);
    return 2;
  }
  const findings = checkSetup(config, split.key);
  if (findings.length === 0) {
    out('booking-server doctor: all well.\n');
    return 0;
  }
  out(formatFindings(findings, 'needs attention'));
  out(`\nbooking-server doctor: ${findings.length} thing${findings.length === 1 ? '' : 's'} to look at.\n`);
  return 1;
}
