/**
 * Where a server process's resident memory is, for the speed bench's RSS row: Node's own accounting
 * (`process.memoryUsage()`, V8's heap spaces) beside the kernel's (/proc/self/status), so that memory outside the
 * JavaScript heap (native allocations, thread stacks, mapped files) shows as the difference. `BENCH_MEMORY=1`
 * prints it after each run of the speed bench.
 */
import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';

export interface MemoryDetail {
  /** MiB, each. */
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** The kernel's split of the resident set: anonymous memory and file pages (the binary, SQLite's mapped -shm). */
  rssAnon: number;
  rssFile: number;
  threads: number;
  /** V8's heap spaces, size in MiB. */
  spaces: Record<string, number>;
}

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

function statusField(status: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status);
  return match ? Number(match[1]) : NaN;
}

export function memoryDetail(): MemoryDetail & { heapUsedAfterGc?: number } {
  const usage = process.memoryUsage();
  // Diagnostics only (the server started with --expose-gc): what the heap holds once the garbage is gone.
  const gc = (globalThis as { gc?: () => void }).gc;
  let heapUsedAfterGc: number | undefined;
  if (gc) {
    gc();
    heapUsedAfterGc = mib(process.memoryUsage().heapUsed);
  }
  let status = '';
  try {
    status = readFileSync('/proc/self/status', 'utf8');
  } catch {
    // Not Linux: the kernel's split is left out (NaN).
  }
  const spaces: Record<string, number> = {};
  for (const space of getHeapSpaceStatistics()) spaces[space.space_name.replace(/_space$/, '')] = mib(space.space_size);
  return {
    rss: mib(usage.rss),
    heapTotal: mib(usage.heapTotal),
    heapUsed: mib(usage.heapUsed),
    external: mib(usage.external),
    arrayBuffers: mib(usage.arrayBuffers),
    rssAnon: mib(statusField(status, 'RssAnon') * 1024),
    rssFile: mib(statusField(status, 'RssFile') * 1024),
    threads: statusField(status, 'Threads'),
    spaces,
    ...(heapUsedAfterGc === undefined ? {} : { heapUsedAfterGc }),
  };
}

/** One line: the process's resident set and where it is. */
export function describeMemory(label: string, m: MemoryDetail & { heapUsedAfterGc?: number }): string {
  const spaces = Object.entries(m.spaces)
    .filter(([, size]) => size > 0)
    .map(([name, size]) => `${name} ${size}`)
    .join(', ');
  return (
    `${label}: rss ${m.rss} MiB (anon ${m.rssAnon}, file ${m.rssFile}; ${m.threads} threads); heap ${m.heapUsed}/${m.heapTotal}, ` +
    `${m.heapUsedAfterGc === undefined ? '' : `(after gc ${m.heapUsedAfterGc}) `}external ${m.external} (array buffers ${m.arrayBuffers}), outside V8 ≈ ${Math.round(m.rss - m.heapTotal - m.external)}; spaces: ${spaces}`
  );
}

/** `BENCH_MEMORY=1`: print where a bench server's memory is (the speed bench calls this after each run). */
export async function traceMemory(server: { memory(): Promise<MemoryDetail | undefined> }, label: string): Promise<void> {
  const m = process.env.BENCH_MEMORY === '1' ? await server.memory() : undefined;
  if (m) console.log(`  ${describeMemory(label, m)}`);
}
