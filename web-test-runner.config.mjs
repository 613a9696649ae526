// Browser tests: @web/test-runner in Debian's headless Chromium (TOOLCHAIN.md §3).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRealServer, realApiProxy } from './test/browser/support/real-server.mjs';

// The real bookings server the end-to-end browser tests book against (test/browser/widget/real-server.test.ts).
const realServer = await startRealServer();

// A fresh profile per run: no IndexedDB or cache left over from an earlier run.
const userDataDir = mkdtempSync(join(tmpdir(), 'wtr-chromium-'));
process.on('exit', () => rmSync(userDataDir, { recursive: true, force: true }));

/**
 * Prints one plain `N passed, N failed, N skipped` line last (the default reporter's progress line has ANSI
 * escapes and a different shape). scripts/test.mjs reads this line to total all suites.
 */
function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const t of suite.tests) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        for (const child of suite.suites) walk(child);
      };
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        // A file that failed to load (syntax/import error) has no tests: count it as one failure.
        if (!s.passed && !s.testResults?.tests.length && !s.testResults?.suites.length) failed++;
      }
      // On exit, so it comes after the default reporter's own summary.
      process.on('exit', () => console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`));
    },
  };
}

const isJsonObject = (raw) => {
  try {
    const v = JSON.parse(raw);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
};

/** A test service as the contract shapes it (only the fields the widget reads, plus `hidden`). */
const service = (id, name, extra = {}) => ({
  id,
  name,
  type: 'CLASS',
  defaultCapacity: 10,
  payment: {
    rateType: 'FIXED',
    fixed: { price: { value: '20.00', currency: 'USD' } },
    options: { online: true, inPerson: true, deposit: false, pricingPlan: false },
    pricingPlanIds: [],
  },
  onlineBooking: { enabled: true, requireManualApproval: false, allowMultipleRequests: false },
  schedule: { id: `sch-${id}`, availabilityConstraints: { sessionDurations: [60], timeBetweenSessions: 0 } },
  staffMemberIds: [],
  locations: [],
  ...extra,
});

/**
 * A fake bookings API served by the test server itself (the real server's tests come later), so the widget's
 * happy path goes through a real fetch: URL, method, JSON body and response parsing.
 *   POST /fake-api/bookings/v2/services/query       -> 200 { services } (400 unless the body is a JSON object)
 *   POST /fake-api-down/bookings/v2/services/query  -> 503 with the contract's error body
 */
async function fakeApi(ctx, next) {
  const match = /^\/(fake-api|fake-api-down)\/bookings\/v2\/services\/query$/.exec(ctx.path);
  if (!match) return next();
  if (ctx.method !== 'POST') {
    ctx.status = 405;
    return;
  }
  let raw = '';
  for await (const chunk of ctx.req) raw += chunk;
  ctx.type = 'application/json';
  if (match[1] === 'fake-api-down') {
    ctx.status = 503;
    ctx.body = JSON.stringify({
      message: 'unavailable',
      details: { applicationError: { code: 'UNAVAILABLE', description: 'down for the test', data: {} } },
    });
  } else if (!isJsonObject(raw) || !String(ctx.get('content-type')).startsWith('application/json')) {
    ctx.status = 400;
    ctx.body = JSON.stringify({ message: `expected a JSON object body, got ${raw}`, details: {} });
  } else {
    ctx.body = JSON.stringify({
      services: [
        service('svc-vinyasa', 'Vinyasa Flow', { tagLine: 'Move with your breath' }),
        service('svc-hidden', 'Staff Only', { hidden: true }),
        service('svc-markup', 'Climb <b>& more</b>', { tagLine: '<img src=x onerror=alert(1)>' }),
      ],
      pagingMetadata: { count: 2, offset: 0, total: 2 },
    });
  }
}

export default {
  files: 'test/browser/**/*.test.ts',
  nodeResolve: true,
  middleware: [fakeApi, realApiProxy(realServer)],
  // One page at a time: the CI machine has 2 shared cores, and test files share one origin (one IndexedDB).
  concurrency: 1,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 120000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${userDataDir}`,
        ],
      },
    }),
  ],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), countReporter()],
  // Generous: a slow shared 2-core machine can take seconds to start a page.
  testFramework: { config: { timeout: 30000 } },
};
