/**
 * The bench's servers, each in a child process of its own (bench/speed/serve.ts), so the load loop keeps its own
 * core and each server's RSS is its own.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { ChildMessage } from './serve.js';
import type { Workload } from './seed.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Child {
  port: number;
  workload?: Workload;
  rss(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * bench/speed/serve.ts as plain JavaScript, the way the server ships (dist-server/ is compiled, not run through
 * tsx, whose loader thread alone holds some 50 MB): bundled once per run with esbuild, packages left to
 * node_modules, into node_modules/.cache so they resolve.
 */
let served: Promise<string> | undefined;
function servedScript(): Promise<string> {
  const outfile = join(root, 'node_modules/.cache/bench/serve.mjs');
  served ??= build({
    entryPoints: [join(root, 'bench/speed/serve.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  }).then(() => outfile);
  return served;
}

/** Fork the bundled bench/speed/serve.ts and wait (at most two minutes) for its port. */
export async function start(...args: string[]): Promise<Child> {
  const child = fork(await servedScript(), args, { stdio: 'inherit' });
  const next = (ms: number) =>
    new Promise<ChildMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve ${args.join(' ')}: no answer in ${ms} ms`)), ms);
      child.once('message', (m) => (clearTimeout(timer), resolve(m as ChildMessage)));
      child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`serve ${args.join(' ')} exited with ${code}`))));
    });
  return next(120_000).then((first) => {
    if (!('port' in first)) throw new Error('serve sent no port');
    return {
      port: first.port,
      ...(first.workload ? { workload: first.workload } : {}),
      rss: async () => {
        const answer = next(10_000);
        child.send('rss');
        const m = await answer;
        return 'rss' in m ? m.rss : NaN;
      },
      stop: () =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => (child.kill(), resolve()), 10_000);
          child.once('exit', () => (clearTimeout(timer), resolve()));
          child.send('stop');
        }),
    };
  });
}
