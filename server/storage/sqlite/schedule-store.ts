/** Session rules of classes and courses in SQLite, and the single sessions the owner cancelled. */
import type { SessionRule } from '../../../src/model/business.js';
import { rowToMove, rowToRule, ruleParams, type MoveRow, type RuleRow } from '../schedule-rows.js';
import type { ScheduleStore, SessionMove } from '../types.js';
import type { SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

export class SqliteScheduleStore implements ScheduleStore {
  constructor(private readonly x: SqliteExecutor) {}
  listRules(filter: { serviceId?: string; serviceIds?: string[]; staffMemberId?: string } = {}): Promise<SessionRule[]> {
    return this.x.exec((db) => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.serviceId) {
        where.push('service_id = ?');
        params.push(filter.serviceId);
      }
      if (filter.serviceIds) {
        // One statement for any number of ids (a JSON array), so the statement cache stays small.
        where.push('service_id IN (SELECT value FROM json_each(?))');
        params.push(JSON.stringify(filter.serviceIds));
      }
      if (filter.staffMemberId) {
        where.push('staff_id = ?');
        params.push(filter.staffMemberId);
      }
      const sql = `SELECT * FROM session_rules ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY start_local, id`;
      return (prepared(db, sql).all(...params) as RuleRow[]).map(rowToRule);
    });
  }
  getRule(id: string): Promise<SessionRule | null> {
    return this.x.exec((db) => {
      const r = prepared(db, 'SELECT * FROM session_rules WHERE id = ?').get(id) as RuleRow | undefined;
      return r ? rowToRule(r) : null;
    });
  }
  insertRule(r: SessionRule): Promise<void> {
    return this.x.writeSetup((db) => {
      const now = new Date().toISOString();
      prepared(
        db,
        `INSERT INTO session_rules (id, schedule_id, service_id, title, start_local, duration_minutes, recurrence_days,
           until_local, occurrence_count, staff_id, capacity, revision, created_date, updated_date)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(r.id, ...ruleParams(r), now, now);
    });
  }
  updateRule(r: SessionRule, expectedRevision: string): Promise<boolean> {
    return this.x.writeSetup(
      (db) =>
        prepared(
          db,
          `UPDATE session_rules SET schedule_id = ?, service_id = ?, title = ?, start_local = ?, duration_minutes = ?,
               recurrence_days = ?, until_local = ?, occurrence_count = ?, staff_id = ?, capacity = ?, revision = ?,
               updated_date = ? WHERE id = ? AND revision = ?`,
        ).run(...ruleParams(r), new Date().toISOString(), r.id, Number(expectedRevision)).changes > 0,
    );
  }
  deleteRule(id: string): Promise<boolean> {
    return this.x.writeSetup((db) => prepared(db, 'DELETE FROM session_rules WHERE id = ?').run(id).changes > 0);
  }
  listCancelledOccurrences(ruleIds: string[]): Promise<{ ruleId: string; localStart: string }[]> {
    return this.x.exec((db) => {
      if (ruleIds.length === 0) return [];
      return (
        prepared(
          db,
          `SELECT rule_id, local_start FROM session_exceptions
           WHERE status = 'CANCELLED' AND rule_id IN (SELECT value FROM json_each(?))`,
        ).all(JSON.stringify(ruleIds)) as { rule_id: string; local_start: string }[]
      ).map((r) => ({ ruleId: r.rule_id, localStart: r.local_start }));
    });
  }
  setOccurrenceCancelled(ruleId: string, localStart: string, cancelled: boolean): Promise<void> {
    return this.x.writeSetup((db) => {
      if (cancelled) {
        prepared(db, `INSERT OR IGNORE INTO session_exceptions (rule_id, local_start, status) VALUES (?, ?, 'CANCELLED')`).run(
          ruleId,
          localStart,
        );
      } else {
        prepared(db, 'DELETE FROM session_exceptions WHERE rule_id = ? AND local_start = ?').run(ruleId, localStart);
      }
    });
  }
  listMoves(ruleIds: string[]): Promise<SessionMove[]> {
    return this.x.exec((db) => {
      if (ruleIds.length === 0) return [];
      return (
        prepared(
          db,
          `SELECT rule_id, local_start, moved_start, duration_minutes FROM session_moves
           WHERE rule_id IN (SELECT value FROM json_each(?)) ORDER BY rule_id, local_start`,
        ).all(JSON.stringify(ruleIds)) as MoveRow[]
      ).map(rowToMove);
    });
  }
  setMove(ruleId: string, localStart: string, move: { movedStart: string; durationInMinutes: number } | null): Promise<void> {
    return this.x.writeSetup((db) => {
      prepared(db, 'DELETE FROM session_moves WHERE rule_id = ? AND local_start = ?').run(ruleId, localStart);
      if (move) {
        prepared(db, 'INSERT INTO session_moves (rule_id, local_start, moved_start, duration_minutes) VALUES (?, ?, ?, ?)').run(
          ruleId,
          localStart,
          move.movedStart,
          move.durationInMinutes,
        );
      }
    });
  }
}
