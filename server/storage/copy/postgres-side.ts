/**
 * The PostgreSQL end of a copy. Rows arrive and leave in SQLite's form (sides.ts); the conversion is per column,
 * by the column's PostgreSQL type: booleans as 0/1, jsonb as JSON text, timestamptz as ISO text in UTC with
 * milliseconds (the instant kept), bigint as numbers. Writes go through `json_to_recordset` with every column
 * as text and a cast to the column's type, so one statement inserts a whole batch.
 */
import pg from 'pg';
import { migrate } from '../postgres/migrate.js';
import { migrations } from '../postgres/migrations/index.js';
import { CopyError, reason, redact } from './errors.js';
import { NOT_COPIED, type TablePlan } from './plan.js';
import { quote, type CopySource, type CopyTarget, type Row } from './sides.js';

interface PgColumn {
  name: string;
  type: string;
  identity: boolean;
}

/** The columns of every table in the current schema, by table. */
async function columnsOf(db: pg.Pool | pg.PoolClient): Promise<Map<string, PgColumn[]>> {
  const { rows } = await db.query<{ table: string; name: string; type: string; identity: boolean }>(
    `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attidentity <> '' AS identity
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  const tables = new Map<string, PgColumn[]>();
  for (const { table, ...column } of rows) tables.set(table, [...(tables.get(table) ?? []), column]);
  return tables;
}

/** The PostgreSQL columns of a planned table; a schema that differs from SQLite's is refused. */
function columnsFor(all: Map<string, PgColumn[]>, table: TablePlan, where: string): { columns: PgColumn[]; rowid: boolean } {
  const columns = all.get(table.name);
  const names = columns?.map((c) => c.name).filter((n) => n !== 'rowid' || table.columns.includes('rowid'));
  if (!columns || names?.join() !== table.columns.join()) {
    throw new CopyError(
      `The table ${table.name} differs between the two databases (${where}: ${names?.join(', ') ?? 'missing'}; SQLite: ` +
        `${table.columns.join(', ')}). Both must be at this booking-server's schema version.`,
    );
  }
  return { columns, rowid: columns.some((c) => c.name === 'rowid') && !table.columns.includes('rowid') };
}

async function connect(url: string, flag: '--from' | '--to'): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('error', () => undefined);
  try {
    (await pool.connect()).release();
    return pool;
  } catch (error) {
    await pool.end();
    throw new CopyError(
      `Could not reach the PostgreSQL database ${redact(url)} (${flag}): ${reason(error)}. ` +
        'Check the address, the user and password, that the database exists and that the server runs.',
    );
  }
}

async function recordedVersions(db: pg.Pool | pg.PoolClient): Promise<number[]> {
  const { rows } = await db.query<{ present: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`);
  if (!rows[0]?.present) return [];
  return (await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
}

async function withRows(db: pg.Pool | pg.PoolClient, tables: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const t of tables) {
    const { rows } = await db.query<{ present: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quote(t)}) AS present`);
    if (rows[0]?.present) found.push(t);
  }
  return found;
}

/** One column read back in SQLite's form. */
function readExpression(column: PgColumn): string {
  const c = quote(column.name);
  if (column.type === 'boolean') return `CASE WHEN ${c} THEN 1 WHEN NOT ${c} THEN 0 END AS ${c}`;
  if (column.type === 'jsonb' || column.type === 'json') return `${c}::text AS ${c}`;
  if (column.type === 'timestamp with time zone') {
    return `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${c}`;
  }
  return c;
}

export class PostgresSource implements CopySource {
  private client: pg.PoolClient | undefined;
  private constructor(
    readonly where: string,
    private readonly pool: pg.Pool,
  ) {}

  static async open(url: string): Promise<PostgresSource> {
    return new PostgresSource(redact(url), await connect(url, '--from'));
  }

  versions(): Promise<number[]> {
    return recordedVersions(this.pool);
  }

  async snapshot(): Promise<void> {
    this.client = await this.pool.connect();
    await this.client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  async *read(table: TablePlan, size: number): AsyncIterable<Row[]> {
    const client = this.client;
    if (!client) throw new Error('read before snapshot()');
    const { columns, rowid } = columnsFor(await columnsOf(client), table, this.where);
    const wanted = columns.filter((c) => table.columns.includes(c.name));
    const select = [...(rowid ? ['"rowid"'] : []), ...wanted.map(readExpression)].join(', ');
    const identity = columns.find((c) => c.identity);
    const order = rowid ? '"rowid"' : identity ? quote(identity.name) : table.primaryKey.map(quote).join(', ') || '1';
    const bigints = [...(rowid ? ['rowid'] : []), ...wanted.filter((c) => c.type === 'bigint').map((c) => c.name)];
    await client.query(`DECLARE copy_rows NO SCROLL CURSOR FOR SELECT ${select} FROM ${quote(table.name)} ORDER BY ${order}`);
    try {
      for (;;) {
        const { rows } = await client.query<Row>(`FETCH FORWARD ${size} FROM copy_rows`);
        if (rows.length === 0) break;
        for (const row of rows) for (const b of bigints) if (typeof row[b] === 'string') row[b] = Number(row[b]);
        yield rows;
      }
    } finally {
      await client.query('CLOSE copy_rows');
    }
  }

  async close(): Promise<void> {
    if (this.client) {
      await this.client.query('COMMIT').catch(() => undefined);
      this.client.release();
    }
    await this.pool.end();
  }
}

export class PostgresTarget implements CopyTarget {
  private client: pg.PoolClient | undefined;
  private columns = new Map<string, PgColumn[]>();
  private constructor(
    readonly where: string,
    private readonly pool: pg.Pool,
  ) {}

  /** Refuses a database with rows (or a newer schema) before touching it, then migrates it as the server does. */
  static async open(url: string, knownVersions: readonly number[], refuse: (tables: string[]) => void): Promise<PostgresTarget> {
    const pool = await connect(url, '--to');
    const target = new PostgresTarget(redact(url), pool);
    try {
      const unknown = (await recordedVersions(pool)).filter((v) => !knownVersions.includes(v));
      if (unknown.length > 0) {
        throw new CopyError(
          `${target.where} was migrated by a newer booking-server (migrations ${unknown.join(', ')}); copy into a new database.`,
        );
      }
      refuse(
        await withRows(
          pool,
          [...(await columnsOf(pool)).keys()].filter((t) => !NOT_COPIED.has(t)),
        ),
      );
      await migrate(pool, migrations);
      target.columns = await columnsOf(pool);
      return target;
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  private get db(): pg.PoolClient {
    if (!this.client) throw new Error('write before begin()');
    return this.client;
  }

  async begin(): Promise<void> {
    this.client = await this.pool.connect();
    await this.client.query('BEGIN');
  }

  tablesWithRows(tables: readonly string[]): Promise<string[]> {
    return withRows(this.db, tables);
  }

  async clear(table: TablePlan): Promise<void> {
    await this.db.query(`DELETE FROM ${quote(table.name)}`);
  }

  async insert(table: TablePlan, rows: readonly Row[]): Promise<void> {
    const first = rows[0];
    if (!first) return;
    const { columns, rowid } = columnsFor(this.columns, table, this.where);
    const written = columns.filter((c) => table.columns.includes(c.name) || (rowid && c.name === 'rowid' && 'rowid' in first));
    const names = written.map((c) => quote(c.name)).join(', ');
    const overriding = written.some((c) => c.identity) ? 'OVERRIDING SYSTEM VALUE ' : '';
    const casts = written.map((c) => `r.${quote(c.name)}::${c.type}`).join(', ');
    const record = written.map((c) => `${quote(c.name)} text`).join(', ');
    const values = rows.map((row) => Object.fromEntries(written.map((c) => [c.name, row[c.name] ?? null])));
    await this.db.query(
      `INSERT INTO ${quote(table.name)} (${names}) ${overriding}SELECT ${casts} FROM json_to_recordset($1::json) AS r(${record})`,
      [JSON.stringify(values)],
    );
  }

  /** Identity sequences move past the copied values, so the next row a server adds gets the next number. */
  async commit(tables: readonly TablePlan[]): Promise<void> {
    for (const table of tables) {
      for (const c of this.columns.get(table.name)?.filter((col) => col.identity) ?? []) {
        await this.db.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), m) FROM (SELECT max(${quote(c.name)}) AS m FROM ${quote(table.name)}) s WHERE m IS NOT NULL`,
          [quote(table.name), c.name],
        );
      }
    }
    await this.db.query('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.client?.query('ROLLBACK');
  }

  async close(): Promise<void> {
    this.client?.release();
    await this.pool.end();
  }
}
