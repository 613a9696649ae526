/** Customers in PostgreSQL (storage/customer-types.ts): the queries are storage/customer-sql.ts's, shared with SQLite. */
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
import type { PostgresExecutor } from './executor.js';
import { iso } from './rows.js';

// citext reads back as an unknown type in pg: ask for text.
const POSTGRES = { emailText: 'c.email::text' };
const dollar = (n: number) => `$${n}`;

export class PostgresCustomerStore implements CustomerStore {
  constructor(private readonly x: PostgresExecutor) {}

  async list(query: CustomerListQuery): Promise<Customer[]> {
    return this.withStats(await this.all<ContactRowData>(listContactsSql(POSTGRES, dollar, query)), query.now, query.scope);
  }

  async get(id: string, now: string, scope?: BookingScope): Promise<Customer | null> {
    return (await this.withStats(await this.all<ContactRowData>(getContactSql(POSTGRES, dollar, id, scope)), now, scope))[0] ?? null;
  }

  async bookingIds(contactId: string, limit: number, scope?: BookingScope): Promise<string[]> {
    return (await this.all<{ id: string }>(bookingIdsSql(dollar, contactId, limit, scope))).map((r) => r.id);
  }

  private all<R extends object>(s: Statement): Promise<R[]> {
    return this.x.query<R>(s.sql, s.params);
  }

  private async withStats(contacts: ContactRowData[], now: string, scope: BookingScope | undefined): Promise<Customer[]> {
    if (contacts.length === 0) return [];
    const ids = contacts.map((c) => c.id);
    const stats = await this.all<StatsRowData>(bookingStatsSql(dollar, ids, now, scope));
    return toCustomers(contacts, stats, iso);
  }
}
