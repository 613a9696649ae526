/**
 * The bench's servers, each in a child process of its own (bench/speed/serve.ts), so the load loop keeps its own
 * core and each server's RSS is its own.
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { ChildMessage } from './serve.js';
import type { Workload } from './seed.js';
import type { MemoryDetail } from './memory.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Child {
  port: number;
  workload?: Workload;
  rss(): Promise<number>;
  /** Where the resident memory is (bench/speed/memory.ts). */
  memory(): Promise<MemoryDetail | undefined>;
  stop(): Promise<void>;
}

/**
 * bench/speed/serve.ts as plain JavaScript, the way the server ships (dist-server/ is compiled, not run through
 * tsx, whose loader thread alone holds some 50 MB): bundled once per run with esbuild, packages left to
 * node_modules, into node_modules/.cache so they resolve. The name carries a hash of the checkout's path: git
 * worktrees that share one node_modules (a symlink) would otherwise overwrite each other's bundle mid-run.
 */
let served: Promise<string> | undefined;
export function servedScript(): Promise<string> {
  const checkout = createHash('sha256').update(root).digest('hex').slice(0, 8);
  const outfile = join(root, `node_modules/.cache/bench/serve-${checkout}.mjs`);
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
  // Plain `node` as bin/booking-server.mjs runs the built server: not the bench's own `--import tsx` (fork's
  // default), whose loader thread held 42 MB of the RSS row. BENCH_SERVE_EXECARGV adds flags (`--trace-gc`).
  const execArgv = (process.env.BENCH_SERVE_EXECARGV ?? '').split(' ').filter(Boolean);
  const child = fork(await servedScript(), args, { stdio: 'inherit', execArgv });
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
      memory: async () => {
        const answer = next(10_000);
        child.send('rss');
        const m = await answer;
        return 'rss' in m ? m.memory : undefined;
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
