#!/usr/bin/env node
// `npm test`: runs every suite in order (lint, server, server on PostgreSQL, browser, then end-to-end), keeps going after a
// failed suite, and ends with one plain `N passed, N failed, N skipped` line over all of them.
// `node scripts/test.mjs server|postgres|browser|e2e` runs one. The PostgreSQL suite runs the server tests that go
// through a test server again with BOOKINGS_TEST_STORAGE=postgres, on the server DATABASE_URL names (the tests create
// and drop databases of their own on it) or, when it is not set, on a throwaway one started here (scripts/postgres.mjs).
// Which files it reruns: those that name a test server (`TestServer`, `start…Server(`, `start…World(`) or read
// TEST_BACKEND, except a file with a line `// storage-agnostic: <why>` at its top level. Mark a file so only when
// BOOKINGS_TEST_STORAGE changes nothing it proves: pure HTTP (headers, CSP, validation before any storage call), or
// a file that opens SQLite and PostgreSQL itself. When in doubt, leave it unmarked: a second pass costs seconds.
// Time: the server and PostgreSQL suites run two files at once (each file is its own process with its own database,
// so they share nothing); the end-to-end suite runs one at a time (see below).
// Dependency-free on purpose: it must work right after `npm ci`, before any build.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startThrowawayPostgres } from './postgres.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const COUNTS_LINE = /^(\d+) passed, (\d+) failed, (\d+) skipped$/;

/** Test files under `dir` (relative to the repo root), sorted; [] when the directory is missing. */
function listTestFiles(dir) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  // Node 20's `node --test` takes no globs and runs 0 tests for a directory, so list the files here.
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => relative(root, join(abs, f)))
    .sort();
}

/** Children never see DATABASE_URL itself: a server a test spawns must use the database the test chose. */
const { DATABASE_URL: givenPostgres, ...childEnv } = process.env;

/** Runs a command in the repo root; resolves with its exit code (1 when killed by a signal). */
function run(cmd, args, { onStdout, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: root,
      env: { ...childEnv, ...env },
      stdio: ['inherit', onStdout ? 'pipe' : 'inherit', 'inherit'],
    });
    if (onStdout) {
      child.stdout.on('data', (chunk) => {
        process.stdout.write(chunk); // still echo everything
        onStdout(chunk);
      });
    }
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** A suite that could not run at all counts as one failure, so the totals line never hides it. */
function notRun(name, why) {
  console.error(`\n${name}: ${why}`);
  return { passed: 0, failed: 1, skipped: 0 };
}

// Node's test runner over the .test.ts files under `dir` (those `only` keeps), through tsx.
async function nodeSuite(name, dir, { env, only = () => true, concurrency = 1 } = {}) {
  const files = listTestFiles(dir).filter(only);
  if (files.length === 0) return notRun(name, `no test files found (${dir}/**/*.test.ts): failing, not passing.`);

  const tmp = mkdtempSync(join(tmpdir(), 'node-test-'));
  const tapFile = join(tmp, 'report.tap');
  try {
    const code = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        // 1 by default: an end-to-end file drives Chromium against a server of its own, and two at once on a 2-core
        // machine saved little (37 s) while making its "within a second" tests tight. The server and PostgreSQL
        // suites ask for 2: a file there is a tsx start-up (about 2 s) and work on one core, so two at once halve
        // the wall time. Their few time bounds (a live event within 1 s, a webhook deadline) are generous: the whole
        // suite passed two at a time with both cores also busy with other builds and browsers (load average 12).
        `--test-concurrency=${concurrency}`,
        '--test-reporter=spec',
        '--test-reporter-destination=stdout', // readable, to the terminal
        '--test-reporter=tap',
        `--test-reporter-destination=${tapFile}`, // machine-readable, for the counts
        ...files,
      ],
      { env },
    );
    const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
    const count = (label) => Number(tap.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
    const result = {
      passed: count('pass'),
      failed: count('fail') + count('cancelled'), // cancelled = timed out or its file crashed
      skipped: count('skipped') + count('todo'),
    };
    if (code !== 0 && result.failed === 0) {
      return notRun(name, `node --test exited with ${code} without reporting a failed test.`);
    }
    return result;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** One PostgreSQL server for the whole run: DATABASE_URL's, or a throwaway one (stopped at exit). */
let postgres;
async function postgresUrl() {
  if (givenPostgres) return givenPostgres;
  postgres ??= startThrowawayPostgres().then((started) => (process.once('exit', () => started.stop()), started));
  return (await postgres).url;
}

const serverSuite = async () => nodeSuite('server', 'test/server', { env: { BOOKINGS_TEST_PG_URL: await postgresUrl() }, concurrency: 2 });

/** The server tests that run against a test server (test/server/helpers.ts) or read TEST_BACKEND, now over PostgreSQL. */
const THROUGH_A_SERVER = /\bstart[A-Za-z]*(Server|World)\(|\bTestServer\b|\bTEST_BACKEND\b/;
/** A file's own word that the backend the pass names changes nothing in it (see the top of this file). */
const STORAGE_AGNOSTIC = /^\/\/ storage-agnostic: \S/m;
const rerunOnPostgres = (source) => THROUGH_A_SERVER.test(source) && !STORAGE_AGNOSTIC.test(source);
const postgresSuite = async () =>
  nodeSuite('postgres', 'test/server', {
    env: { BOOKINGS_TEST_STORAGE: 'postgres', BOOKINGS_TEST_PG_URL: await postgresUrl() },
    only: (file) => rerunOnPostgres(readFileSync(join(root, file), 'utf8')),
    concurrency: 2,
  });

/** End to end: the built widget bundle on the demo page, and the console at /console/, of a real server, driven in Chromium. */
async function e2eSuite() {
  const ensured = await run(process.execPath, [join(root, 'scripts/ensure-chromium.mjs')]);
  if (ensured !== 0) return notRun('e2e', 'Chromium is not available (see the message above).');
  const built = await run(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn']);
  if (built !== 0) return notRun('e2e', `building the widget failed (vite build exited with ${built}).`);
  // The console after the widget: its build adds dist/booking-console.js to what the widget's left.
  const console = await run(join(root, 'node_modules/.bin/vite'), ['build', '-c', 'vite.console.config.ts', '--logLevel', 'warn']);
  if (console !== 0) return notRun('e2e', `building the console failed (vite build exited with ${console}).`);
  return nodeSuite('e2e', 'test/e2e');
}

async function browserSuite() {
  if (listTestFiles('test/browser').length === 0) {
    return notRun('browser', 'no test files found (test/browser/**/*.test.ts): failing, not passing.');
  }
  const ensured = await run(process.execPath, [join(root, 'scripts/ensure-chromium.mjs')]);
  if (ensured !== 0) return notRun('browser', 'Chromium is not available (see the message above).');

  let out = '';
  const code = await run(join(root, 'node_modules/.bin/web-test-runner'), ['--static-logging'], {
    onStdout: (chunk) => (out += chunk),
  });
  // The config's countReporter prints the counts line last; strip ANSI escapes before matching.
  const lines = out
    // eslint-disable-next-line no-control-regex -- the escape character is exactly what is stripped
    .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
    .split(/\r?\n/)
    .map((l) => l.trim());
  const match = lines
    .reverse()
    .map((l) => COUNTS_LINE.exec(l))
    .find(Boolean);
  if (!match) return notRun('browser', `web-test-runner exited with ${code} and printed no counts line.`);
  const result = { passed: Number(match[1]), failed: Number(match[2]), skipped: Number(match[3]) };
  if (code !== 0 && result.failed === 0) {
    return notRun('browser', `web-test-runner exited with ${code} without reporting a failed test.`);
  }
  return result;
}

/** The lint step: ESLint, Prettier's check and the layer rules, each one counted as a test. */
async function lintSuite() {
  const bin = (name) => join(root, 'node_modules/.bin', name);
  const checks = [
    ['eslint', [bin('eslint'), ['.']]],
    ['prettier --check', [bin('prettier'), ['--check', '.', '--log-level', 'warn']]],
    ['layer rules (dependency-cruiser)', [bin('depcruise'), ['src', 'server', '--config', '.dependency-cruiser.cjs', '--no-progress']]],
  ];
  const result = { passed: 0, failed: 0, skipped: 0 };
  for (const [name, [cmd, args]] of checks) {
    const code = await run(cmd, args);
    console.log(`${code === 0 ? 'ok' : 'FAILED'}: ${name}`);
    if (code === 0) result.passed++;
    else result.failed++;
  }
  return result;
}

const suites = { lint: lintSuite, server: serverSuite, postgres: postgresSuite, browser: browserSuite, e2e: e2eSuite };
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`Unknown suite ${unknown.join(', ')}. Usage: node scripts/test.mjs [${Object.keys(suites).join('|')}]...`);
  process.exit(2);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const name of wanted.length > 0 ? wanted : Object.keys(suites)) {
  console.log(`\n=== ${name} tests ===\n`);
  let result;
  try {
    result = await suites[name]();
  } catch (err) {
    result = notRun(name, `could not start: ${err instanceof Error ? err.message : String(err)}`);
  }
  console.log(`\n${name}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`);
  totals.passed += result.passed;
  totals.failed += result.failed;
  totals.skipped += result.skipped;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = totals.failed > 0 ? 1 : 0;
