/** One versioned schema change: it runs once, in order, inside a transaction, and is recorded in `schema_migrations`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
