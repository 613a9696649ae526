/** The business's customers (docs/business-accounts.md, "Customers"): the console's customers and new-booking views. */
import type { CustomerListResponse, CustomerResponse } from '../model/customer.js';
import type { Transport } from './transport.js';

export function customersCalls(t: Transport) {
  const customers = {
    /** A page of customers whose name or email holds `search` (any case); `cursor` from the last answer's next page. */
    listCustomers: (opts: { search?: string; limit?: number; cursor?: string } = {}, signal?: AbortSignal) => {
      const params = new URLSearchParams();
      if (opts.search) params.set('search', opts.search);
      if (opts.limit !== undefined) params.set('limit', String(opts.limit));
      if (opts.cursor) params.set('cursor', opts.cursor);
      const query = params.toString();
      return t.request<CustomerListResponse>('GET', `/business/v1/customers${query ? `?${query}` : ''}`, signal ? { signal } : {});
    },
    getCustomer: (customerId: string) => t.request<CustomerResponse>('GET', `/business/v1/customers/${encodeURIComponent(customerId)}`),
  };
  return { customers };
}
