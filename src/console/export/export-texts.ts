/** Export CSV's words (English), kept beside it so other views' texts stay apart. */
const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
/** A studio day, `YYYY-MM-DD`, as words ("Dec 1, 2026"): a calendar date, so no zone shifts it. */
const dayText = (d: string): string => day.format(Date.parse(`${d}T00:00:00Z`));

export const EXPORT_TEXT = {
  button: 'Export CSV',
  working: 'Exporting…',
  range: (from: string, to: string) => `Exports bookings from ${dayText(from)} to ${dayText(to)} (studio time).`,
  saved: (file: string) => `Exported ${file}.`,
  retry: 'Try again',
} as const;
