/**
 * The package as npm would publish it: `npm pack`, then `npm install <tarball>` in an empty project, which then
 * uses the element, the client and the server's bin from node_modules/booking-widget — nothing from this checkout.
 *
 * Cost: `npm pack` would run `prepack` (the whole `npm run build`, about a minute here); the e2e suite has already
 * built dist/ (widget and console), so this builds only the rest (the compressed copies, dist-server/ — the slow part,
 * 15–40 s on a shared machine — dist-types/ and custom-elements.json) and packs with `--ignore-scripts`. The install
 * comes from the npm cache (`--prefer-offline`; 15–30 s) and skips install scripts: the one runtime dependency
 * with one, better-sqlite3, would compile SQLite from source (65–80 s here), so its compiled addon is copied from
 * this checkout's node_modules, where `npm ci` built the same pinned version.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const WAIT = { timeout: 30_000 };

/** Runs a command to completion; throws with its output when it fails. */
function sh(cmd: string, args: string[], cwd: string): string {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status}:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** Starts the installed bin; resolves with its address once it prints `listening on http://…`. */
function startInstalledServer(project: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    join(project, 'node_modules/.bin/booking-server'),
    ['--port', '0', '--host', '127.0.0.1', '--db', ':memory:', '--seed', 'demo'],
    {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`booking-server exited with ${code} before listening:\n${output}`)));
  });
}

/** What contract section 9 says `<booking-widget>` has, which the manifest must list. */
const CONTRACT = {
  attributes: ['api-base', 'client-id', 'service-id', 'category-id', 'locale', 'time-zone', 'mode', 'open', 'theme', 'member-login'],
  events: ['booking-step-change', 'booking-created', 'booking-status-change', 'booking-checkout-complete', 'member-login', 'member-logout'],
  cssParts: ['service', 'variant', 'day', 'slot', 'button', 'primary-button', 'input', 'summary', 'status'],
  cssProperties: ['--booking-accent', '--booking-accent-contrast', '--booking-bg', '--booking-fg', '--booking-muted', '--booking-radius'],
};

describe('the packed package, installed in another project', () => {
  let work: string;
  let project: string;
  let packed: string[];
  let server: { child: ChildProcess; url: string } | undefined;

  before(async () => {
    assert.ok(existsSync(join(root, 'dist/booking-widget.js')), 'dist/ is not built: run `npm run build` (the e2e suite builds it)');
    sh(process.execPath, ['scripts/compress-dist.mjs', 'dist'], root);
    sh(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.server.json'], root);
    sh('npm', ['run', '--silent', 'build:types'], root);
    work = mkdtempSync(join(tmpdir(), 'booking-widget-package-'));
    const [pack] = JSON.parse(sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root)) as [
      { filename: string; files: { path: string }[] },
    ];
    packed = pack.files.map((f) => f.path);
    project = join(work, 'host');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'host', private: true, type: 'module' }));
    sh('npm', ['install', join(work, pack.filename), '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'], project);
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    const version = (dir: string) =>
      (JSON.parse(readFileSync(join(dir, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string }).version;
    assert.equal(version(project), version(root), 'the installed better-sqlite3 is the version this checkout compiled');
    mkdirSync(join(project, 'node_modules/better-sqlite3/build/Release'), { recursive: true });
    copyFileSync(join(root, addon), join(project, addon));
    server = await startInstalledServer(project);
  });

  after(() => {
    server?.child.kill();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('holds the bundles, the server, the types and the manifest package.json names; the types type-check a host', () => {
    for (const file of [
      'dist/booking-widget.js',
      'dist/booking-widget.iife.js',
      'dist-server/server/cli.js',
      'dist-server/src/api/index.d.ts',
    ]) {
      assert.ok(packed.includes(file), `${file} is in the tarball`);
    }
    assert.ok(!packed.some((f) => /^(src|test)\//.test(f)), 'no sources or tests in the tarball');
    const installed = join(project, 'node_modules/booking-widget');
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { customElements: string };
    const manifest = JSON.parse(readFileSync(join(installed, pkg.customElements), 'utf8')) as {
      modules: { path: string; declarations: Record<string, unknown>[] }[];
    };
    const element = manifest.modules.flatMap((m) => m.declarations).find((d) => d['tagName'] === 'booking-widget');
    assert.ok(element, 'the manifest declares <booking-widget>');
    for (const [key, names] of Object.entries(CONTRACT)) {
      const listed = (element[key] as { name: string }[]).map((entry) => entry.name);
      for (const name of names) assert.ok(listed.includes(name), `the manifest's ${key} include ${name}`);
    }
    assert.ok(existsSync(join(installed, manifest.modules[0]!.path)), 'the manifest names a file the package has');

    // A host's TypeScript against the installed types: typed element, events and client; the expect-error lines
    // fail the compile if the types ever turn `any`.
    writeFileSync(
      join(project, 'host.ts'),
      `import 'booking-widget';
import type { BookingWidget } from 'booking-widget';
import { createClient } from 'booking-widget/client';
const widget: BookingWidget = document.createElement('booking-widget');
widget.addEventListener('booking-created', (e) => console.log(e.detail.booking.id, e.detail.summary.start));
// @ts-expect-error booking-created carries booking and summary
widget.addEventListener('booking-created', (e) => e.detail.order);
// @ts-expect-error mode is inline, popup or floating
widget.mode = 'sidebar';
export const names = createClient({ apiBase: widget.apiBase }).services.queryServices().then(({ services }) => services.map((s) => s.name));
`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2022', 'DOM'],
          strict: true,
          noEmit: true,
          types: [],
        },
        files: ['host.ts'],
      }),
    );
    sh(join(root, 'node_modules/.bin/tsc'), ['-p', join(project, 'tsconfig.json')], project);
  });

  it("starts from the installed bin, which serves the installed widget; Chromium shows the demo's services", async () => {
    assert.ok(server);
    const served = await fetch(`${server.url}/widget/booking-widget.js`).then((r) => r.text());
    assert.equal(served, readFileSync(join(project, 'node_modules/booking-widget/dist/booking-widget.js'), 'utf8'));
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext()).newPage();
      await page.route(`${server.url}/host.html`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><html lang="en"><title>Host</title><script type="module" src="/widget/booking-widget.js"></script><booking-widget></booking-widget></html>',
        }),
      );
      await page.goto(`${server.url}/host.html`);
      await page.locator('booking-widget [data-service-id]', { hasText: 'Community Yoga' }).waitFor(WAIT);
    } finally {
      await browser.close();
    }
  });

  it('gives Node the client, which lists the services of that server', () => {
    assert.ok(server);
    writeFileSync(
      join(project, 'list-services.mjs'),
      `import { createClient } from 'booking-widget/client';
const { services } = await createClient({ apiBase: process.argv[2] }).services.queryServices();
console.log(JSON.stringify(services.map((s) => s.name)));
`,
    );
    const names = JSON.parse(sh(process.execPath, ['list-services.mjs', server.url], project)) as string[];
    assert.ok(names.includes('Community Yoga') && names.includes('Family Climb'), names.join(', '));
  });
});
