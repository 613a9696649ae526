/** Customers in SQLite (storage/customer-types.ts): the queries are storage/customer-sql.ts's, shared with PostgreSQL. */
import type { Customer } from '../../../src/model/customer.js';
import type { BookingScope, CustomerListQuery, CustomerStore } from '../customer-types.js';
import {
  bookingIdsSql,
  bookingStatsSql,
  getContactSql,
  listContactsSql,
  toCustomers,
  type ContactRowData,
  type Statement,
  type StatsRowData,
} from '../customer-sql.js';
import type { Db, SqliteExecutor } from './database.js';

const SQLITE = { emailText: 'c.email' };
const q = () => '?';
const all = <R>(db: Db, s: Statement): R[] => db.prepare(s.sql).all(...s.params) as R[];

export class SqliteCustomerStore implements CustomerStore {
  constructor(private readonly x: SqliteExecutor) {}

  list(query: CustomerListQuery): Promise<Customer[]> {
    return this.x.exec((db) => this.withStats(db, all<ContactRowData>(db, listContactsSql(SQLITE, q, query)), query.now, query.scope));
  }

  get(id: string, now: string, scope?: BookingScope): Promise<Customer | null> {
    return this.x.exec((db) => this.withStats(db, all<ContactRowData>(db, getContactSql(SQLITE, q, id, scope)), now, scope)[0] ?? null);
  }

  bookingIds(contactId: string, limit: number, scope?: BookingScope): Promise<string[]> {
    return this.x.exec((db) => all<{ id: string }>(db, bookingIdsSql(q, contactId, limit, scope)).map((r) => r.id));
  }

  private withStats(db: Db, contacts: ContactRowData[], now: string, scope: BookingScope | undefined): Customer[] {
    if (contacts.length === 0) return [];
    const stats = all<StatsRowData>(
      db,
      bookingStatsSql(
        q,
        contacts.map((c) => c.id),
        now,
        scope,
      ),
    );
    return toCustomers(contacts, stats, String);
  }
}
