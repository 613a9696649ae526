/**
 * Sessions moved off their rule's time (per-occurrence overrides, migration 15), applied to expanded occurrences:
 * the session leaves its rule's time and appears at its new one, with the same event id (the rule's own start),
 * so its bookings stay attached. A move whose rule no longer has that occurrence (the rule was edited) is ignored.
 */
import { Temporal } from 'temporal-polyfill';
import type { SessionRule } from '../../../src/model/business.js';
import type { SessionMove } from '../../storage/types.js';
import { isOccurrence, occurrenceKey, type Occurrence } from './sessions.js';
import { existingInstant, MINUTE_MS } from './time.js';

/** The moved session as an occurrence, or null when its rule no longer has it or its new time does not exist. */
export function movedOccurrence(rule: SessionRule, move: SessionMove, zone: string): Occurrence | null {
  if (!isOccurrence(rule, Temporal.PlainDateTime.from(move.localStart))) return null;
  const start = existingInstant(Temporal.PlainDateTime.from(move.movedStart), zone);
  if (!start) return null;
  const startMs = start.epochMilliseconds;
  return {
    ruleId: rule.id,
    localStart: move.localStart,
    startMs,
    endMs: startMs + move.durationInMinutes * MINUTE_MS,
    movedTo: move.movedStart,
  };
}

/**
 * `occurrences` (those of `rules` starting in [fromMs, toMs)) with `moves` applied: moved sessions leave their
 * rule's time, and those whose new start is in the range join. Sorted by start, as expandRules answers.
 */
export function applyMoves(
  occurrences: readonly Occurrence[],
  moves: readonly SessionMove[],
  ruleById: ReadonlyMap<string, SessionRule>,
  zone: string,
  fromMs = -Infinity,
  toMs = Infinity,
): Occurrence[] {
  if (moves.length === 0) return [...occurrences];
  const moved = new Set(moves.map((m) => occurrenceKey(m.ruleId, m.localStart)));
  const out = occurrences.filter((o) => !moved.has(occurrenceKey(o.ruleId, o.localStart)));
  for (const move of moves) {
    const rule = ruleById.get(move.ruleId);
    const o = rule ? movedOccurrence(rule, move, zone) : null;
    if (o && o.startMs >= fromMs && o.startMs < toMs) out.push(o);
  }
  return out.sort((a, b) => a.startMs - b.startMs || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
