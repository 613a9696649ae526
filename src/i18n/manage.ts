/** The my-bookings, manage and reschedule texts in the current language (English where it has none). */
import { manageEn, type ManageMessageKey } from './manage-en.js';
import { activeTranslation, fill } from './index.js';
import type { PolicyRefusal } from '../policy/index.js';

export function manageMsg(key: ManageMessageKey, vars: Record<string, string> = {}): string {
  return fill(activeTranslation()?.manage[key] ?? manageEn[key], vars);
}

/** A policy's refusal (src/policy) in the customer's words: `cancel` or `reschedule`, with its time span by Intl. */
export function refusalText(kind: 'cancel' | 'reschedule', refusal: PolicyRefusal, locale: string): string {
  if (refusal.code === 'course') return manageMsg('rescheduleCourse');
  const suffix = ({ off: 'Off', 'signed-out': 'SignedOut', started: 'Started', passed: 'Passed' } as const)[refusal.code];
  return manageMsg(`${kind}${suffix}`, { time: spanOf(refusal.minutes ?? 0, locale) });
}

/** 1440 → "24 hours", 30 → "30 minutes", 2880 → "2 days" (whole days or hours where they are whole). */
function spanOf(minutes: number, locale: string): string {
  const [value, unit] =
    minutes % 1440 === 0 && minutes >= 2880 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
