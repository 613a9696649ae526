#!/usr/bin/env node
// Makes sure a Chromium binary exists for the browser tests (TOOLCHAIN.md §1). Quiet when it does.
// As root it installs Debian's `chromium` with apt-get; otherwise it says which command to run and exits 1.
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';

const DEBIAN_PATH = '/usr/bin/chromium'; // where Debian's `chromium` package puts its launcher
const chromePath = process.env.CHROME_PATH || DEBIAN_PATH;

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function run(cmd, args) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`ensure-chromium: \`${cmd} ${args.join(' ')}\` exited with ${result.status ?? result.signal}`);
    process.exit(1);
  }
}

if (!executable(chromePath)) {
  if (chromePath !== DEBIAN_PATH) {
    // Installing Debian's package would not create the binary the caller asked for.
    console.error(`ensure-chromium: CHROME_PATH=${chromePath} is not an executable file. Fix CHROME_PATH or unset it.`);
    process.exit(1);
  }
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    console.log(`ensure-chromium: ${chromePath} is missing; installing Debian's chromium (about 40 s).`);
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', 'chromium']);
    if (!executable(chromePath)) {
      console.error(`ensure-chromium: apt-get installed chromium but ${chromePath} is still missing.`);
      process.exit(1);
    }
  } else {
    console.error(
      `ensure-chromium: Chromium not found at ${chromePath}. The browser tests need it.\n` +
        '  Install it with:   sudo apt-get install -y chromium\n' +
        '  or point CHROME_PATH at an existing Chromium/Chrome binary.',
    );
    process.exit(1);
  }
}
