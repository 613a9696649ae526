/**
 * The speed bench's HTTP load loop: node:http with a keep-alive agent (one socket per client), loopback only,
 * every run bounded by a request count and a time limit.
 */
import { Agent, request as httpRequest } from 'node:http';

export interface Reply {
  status: number;
  body: string;
}

export interface Client {
  post(path: string, body: unknown, token?: string): Promise<Reply>;
  get(path: string, token?: string): Promise<Reply>;
  close(): void;
}

/** A client of `http://127.0.0.1:port` with at most `sockets` keep-alive connections. */
export function client(port: number, sockets: number): Client {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const send = (method: 'GET' | 'POST', path: string, body: unknown, token?: string) =>
    new Promise<Reply>((resolve, reject) => {
      const payload = method === 'POST' ? JSON.stringify(body) : '';
      const headers: Record<string, string | number> = {};
      if (method === 'POST') Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
      if (token) headers.authorization = `Bearer ${token}`;
      const req = httpRequest({ host: '127.0.0.1', port, path, method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.setTimeout(30_000, () => req.destroy(new Error(`${path}: no answer in 30 s`)));
      req.on('error', reject);
      req.end(payload);
    });
  return {
    post: (path, body, token) => send('POST', path, body, token),
    get: (path, token) => send('GET', path, undefined, token),
    close: () => agent.destroy(),
  };
}

export interface Run {
  /** Operations that succeeded. */
  done: number;
  /** Operations that failed (non-2xx or a network error); the first failure's message is kept. */
  failed: number;
  firstError?: string;
  ms: number;
  latencies: number[];
  /** Successful operations per second. */
  perSecond: number;
}

/**
 * Run `op` from `clients` concurrent loops until `total` operations have started or `limitMs` has passed.
 * `op` resolves true on success; a throw or false counts as a failure.
 */
export async function drive(
  clients: number,
  total: number,
  limitMs: number,
  op: (client: number, i: number) => Promise<boolean>,
): Promise<Run> {
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (next < total && performance.now() - started < limitMs) {
        const i = next++;
        const t = performance.now();
        let ok = false;
        try {
          ok = await op(c, i);
          if (!ok) firstError ??= `operation ${i} was refused`;
        } catch (error) {
          firstError ??= error instanceof Error ? error.message : String(error);
        }
        if (ok) latencies.push(performance.now() - t);
        else failed++;
      }
    }),
  );
  const ms = performance.now() - started;
  return {
    done: latencies.length,
    failed,
    ms,
    latencies,
    perSecond: (latencies.length / ms) * 1000,
    ...(firstError ? { firstError } : {}),
  };
}

/** The p-th percentile (nearest rank) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** Time `runs` sequential calls of `op` after `warmup` untimed ones, stopping at `limitMs`; latencies in ms. */
export async function timeSequential(runs: number, warmup: number, limitMs: number, op: () => Promise<void>): Promise<number[]> {
  const started = performance.now();
  for (let i = 0; i < warmup && performance.now() - started < limitMs; i++) await op();
  const times: number[] = [];
  while (times.length < runs && performance.now() - started < limitMs) {
    const t = performance.now();
    await op();
    times.push(performance.now() - t);
  }
  return times;
}
