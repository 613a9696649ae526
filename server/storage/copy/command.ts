/**
 * `booking-server copy --from SOURCE --to TARGET`: SOURCE and TARGET are a SQLite file and a postgres:// address,
 * either way round. Prints rows per table on stdout; a refusal or failure is one message on stderr and exit code 2.
 */
import { parseArgs } from 'node:util';
import { copyDatabase, type CopySummary } from './copy.js';
import { CopyError } from './errors.js';

export const COPY_USAGE = `Usage: booking-server copy --from SOURCE --to TARGET

  Copies a business, every row of every table, between a SQLite file and a PostgreSQL database:
    booking-server copy --from data/bookings.sqlite --to "$DATABASE_URL"     (move to PostgreSQL)
    booking-server copy --from "$DATABASE_URL" --to backup.sqlite            (a local copy)
  The source must be at this server's schema version; the target must be empty (a new file or database).
  Everything is written in one transaction: a failed copy changes nothing.`;

export interface CopyIo {
  out(text: string): void;
  err(text: string): void;
}

/** Runs the command; returns the process's exit code. */
export async function runCopy(argv: string[], io: CopyIo): Promise<number> {
  let from: string | undefined;
  let to: string | undefined;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
    if (values.help) {
      io.out(`${COPY_USAGE}\n`);
      return 0;
    }
    ({ from, to } = values);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${COPY_USAGE}\n`);
    return 2;
  }
  if (!from || !to) {
    io.err(`copy needs both --from and --to (missing ${!from ? '--from' : '--to'}).\n\n${COPY_USAGE}\n`);
    return 2;
  }
  try {
    io.out(formatSummary(await copyDatabase(from, to)));
    return 0;
  } catch (error) {
    if (error instanceof CopyError) {
      io.err(`copy: ${error.message}\n`);
      return 2;
    }
    io.err(`copy failed, nothing was written to the target: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

export function formatSummary(summary: CopySummary): string {
  const width = Math.max(...summary.tables.map((t) => t.name.length), 5);
  const lines = summary.tables.map((t) => `  ${t.name.padEnd(width)} ${String(t.rows).padStart(8)}`);
  const seconds = summary.ms / 1000;
  return [
    `copied ${summary.from} → ${summary.to} (schema version ${summary.schemaVersion})`,
    ...lines,
    `  ${'total'.padEnd(width)} ${String(summary.rows).padStart(8)} rows in ${seconds.toFixed(2)} s`,
    '',
  ].join('\n');
}
