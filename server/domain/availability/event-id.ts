/**
 * Class and course sessions come from recurring rules, so a session's id is derived, not stored: the rule id
 * and the occurrence's local start, encoded URL-safe. The same session always has the same id, and the id
 * alone finds it again. Opaque to clients, as Wix's event ids are.
 */
export interface EventRef {
  ruleId: string;
  /** The occurrence's local start in the business's zone, `YYYY-MM-DDTHH:MM:SS`. */
  localStart: string;
}

export function encodeEventId(ref: EventRef): string {
  return Buffer.from(`${ref.ruleId}|${ref.localStart}`, 'utf8').toString('base64url');
}

export function decodeEventId(eventId: string): EventRef | null {
  if (!/^[A-Za-z0-9_-]{8,400}$/.test(eventId)) return null;
  const text = Buffer.from(eventId, 'base64url').toString('utf8');
  const match = /^([^|]{1,100})\|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})$/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  return { ruleId: match[1], localStart: match[2] };
}
