/**
 * Which studio days the bookings view's Export CSV covers, pure: the filter's dates when it has them, this month
 * in the studio's zone when it has none (as the server's own default), and a lone date widened to its month.
 */
import { addDays, localParts } from '../shared/studio-time.js';

export interface ExportRange {
  /** `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
}

const firstOfMonth = (day: string): string => `${day.slice(0, 8)}01`;

/** The month's last day: the day before the next month's first. */
function lastOfMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

export function exportRange(
  filter: { from: string | undefined; to: string | undefined },
  timeZone: string | undefined,
  nowMs: number,
): ExportRange {
  const { from, to } = filter;
  if (from && to) return { from, to };
  if (from) return { from, to: lastOfMonth(from) };
  if (to) return { from: firstOfMonth(to), to };
  // An unknown zone: the browser's own, as every time in the console then is.
  const today = localParts(nowMs, timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone).day;
  return { from: firstOfMonth(today), to: lastOfMonth(today) };
}

/** The file's name, as the server's own `content-disposition` names it. */
export const exportFileName = (r: ExportRange): string => `bookings-${r.from}-${r.to}.csv`;
