/** Types of scripts/postgres.mjs (plain JS, dependency-free), for the TypeScript tests that start a server. */

/** A throwaway PostgreSQL cluster; `url` names the `postgres` database of superuser `postgres` (trust auth). */
export interface ThrowawayPostgres {
  url: string;
  port: number;
  /** Stops the server and removes its data directory; a second call does nothing. */
  stop(): void;
}

/** The newest installed server's bin directory, or undefined. */
export function postgresBinDir(): string | undefined;

/** The bin directory, installing Debian's `postgresql` first when it is missing and we are root. */
export function ensurePostgres(): string;

/** Starts a new cluster in a temp directory on 127.0.0.1 and a free port. */
export function startThrowawayPostgres(): Promise<ThrowawayPostgres>;
