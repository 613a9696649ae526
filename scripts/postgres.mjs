#!/usr/bin/env node
// A throwaway PostgreSQL server for tests and benchmarks (contract section 14): Debian's `postgresql` binaries,
// a new cluster in a temp directory, on 127.0.0.1 and a free port, removed again on stop. As root it runs the
// server as the `postgres` user (PostgreSQL refuses to run as root) and installs the package when it is missing.
// Dependency-free on purpose, like scripts/test.mjs: it must work right after `npm ci`.
//   node scripts/postgres.mjs   starts one, prints its DATABASE_URL, and stops it on Ctrl-C.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const DEBIAN_ROOT = '/usr/lib/postgresql'; // <version>/bin/{initdb,pg_ctl,postgres}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The newest installed server's bin directory, or undefined. */
export function postgresBinDir() {
  if (!existsSync(DEBIAN_ROOT)) return undefined;
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((v) => existsSync(join(DEBIAN_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(DEBIAN_ROOT, versions[0], 'bin');
}

function run(cmd, args, { quiet = false } = {}) {
  const result = spawnSync(cmd, args, { stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const output = quiet ? `\n${result.stdout ?? ''}${result.stderr ?? ''}` : '';
    throw new Error(`\`${cmd} ${args.join(' ')}\` exited with ${result.status ?? result.signal}${output}`);
  }
  return result.stdout ?? '';
}

/** The bin directory, installing Debian's `postgresql` first when it is missing and we may (root). */
export function ensurePostgres() {
  const found = postgresBinDir();
  if (found) return found;
  if (!isRoot) {
    throw new Error(
      'PostgreSQL is not installed; the PostgreSQL tests need its server binaries.\n' +
        '  Install them with:   sudo apt-get install -y postgresql\n' +
        '  or set DATABASE_URL to a PostgreSQL server the tests may create databases on.',
    );
  }
  console.log("postgres: Debian's postgresql is missing; installing it (about 30 s).");
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'postgresql']);
  const installed = postgresBinDir();
  if (!installed) throw new Error(`apt-get installed postgresql but no initdb is under ${DEBIAN_ROOT}.`);
  return installed;
}

/** A port nobody listens on right now (the server binds it a moment later). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as `postgres` when we are root. */
const asOwner = (bin, args) => (isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]);

/**
 * Starts a new cluster: `{ url, stop() }`, where `url` names the `postgres` database of superuser `postgres`
 * (trust authentication, 127.0.0.1 only). Durability is off (fsync), as nothing in it outlives the run.
 */
export async function startThrowawayPostgres() {
  const bin = ensurePostgres();
  const dir = mkdtempSync(join(tmpdir(), 'booking-pg-'));
  if (isRoot) run('chown', ['postgres:postgres', dir]);
  else chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  run(...asOwner(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']), {
    quiet: true,
  });
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`;
  run(...asOwner(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']), {
    quiet: true,
  });
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(...asOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']), { quiet: true });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const pg = await startThrowawayPostgres();
  console.log(`DATABASE_URL=${pg.url}`);
  const stop = () => (pg.stop(), process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}
