/** The bookings export (contract section 12): the console's Export CSV; owner only, so not in the widget's calls. */
import type { Transport } from './transport.js';

export function exportCalls(t: Transport) {
  const bookingsExport = {
    /** The bookings starting on these studio days (`YYYY-MM-DD`, both included) as CSV text, fetched with the token. */
    exportBookingsCsv: (from: string, to: string) =>
      t.blob(`/bookings/v2/bookings/export.csv?${new URLSearchParams({ from, to }).toString()}`),
  };
  return { bookingsExport };
}
