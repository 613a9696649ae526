/** The agenda's periods (a day or an ISO week) and its address parameter, over the studio's days (studio-time). */
import { addDays, startOfDay } from '../shared/studio-time.js';

export type AgendaMode = 'day' | 'week';

/** The Monday of the day's week (ISO weeks, as the widget's calendar). */
export function mondayOf(day: string): string {
  return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/** The days an agenda period shows: the day itself, or the seven days of its week. */
export function periodDays(anchor: string, mode: AgendaMode): string[] {
  if (mode === 'day') return [anchor];
  const monday = mondayOf(anchor);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The period's instants, `[from, to)`: from the first day's start to the start of the day after the last. */
export function periodRange(days: readonly string[], timeZone: string): { fromMs: number; toMs: number } {
  const first = days[0] ?? '1970-01-01';
  const last = days[days.length - 1] ?? first;
  return { fromMs: startOfDay(first, timeZone), toMs: startOfDay(addDays(last, 1), timeZone) };
}

/** Where Previous and Next lead: a day or a week away. */
export function stepPeriod(anchor: string, mode: AgendaMode, direction: 1 | -1): string {
  return addDays(mode === 'day' ? anchor : mondayOf(anchor), direction * (mode === 'day' ? 1 : 7));
}

/** The agenda's address parameter: `day/2026-12-02`, `week/2026-11-30`, or just `week` (this week); day by default. */
export function parseAgendaParam(param: string | undefined): { mode: AgendaMode; day: string | undefined } {
  const [mode, day] = (param ?? '').split('/');
  const valid = day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(day) && addDays(day, 0) === day;
  return { mode: mode === 'week' ? 'week' : 'day', day: valid ? day : undefined };
}

/** The address of a period, `#agenda/week/2026-11-30` (written by hand: routeHref would escape the slash). */
export function agendaHash(mode: AgendaMode, day: string): string {
  return `#agenda/${mode}/${day}`;
}
