/** Session rules of classes and courses in PostgreSQL, and the single sessions the owner cancelled. */
import type { SessionRule } from '../../../src/model/business.js';
import { rowToMove, rowToRule, ruleParams, type MoveRow, type RuleRow } from '../schedule-rows.js';
import type { ScheduleStore, SessionMove } from '../types.js';
import type { Param, PostgresExecutor } from './executor.js';
import { expectedRevision } from './service-rows.js';

export class PostgresScheduleStore implements ScheduleStore {
  constructor(private readonly x: PostgresExecutor) {}

  async listRules(filter: { serviceId?: string; serviceIds?: string[]; staffMemberId?: string } = {}): Promise<SessionRule[]> {
    const where: string[] = [];
    const params: Param[] = [];
    if (filter.serviceId) {
      params.push(filter.serviceId);
      where.push(`service_id = $${params.length}`);
    }
    if (filter.serviceIds) {
      params.push(filter.serviceIds);
      where.push(`service_id = ANY($${params.length}::text[])`);
    }
    if (filter.staffMemberId) {
      params.push(filter.staffMemberId);
      where.push(`staff_id = $${params.length}`);
    }
    const sql = `SELECT * FROM session_rules ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY start_local COLLATE "C", id COLLATE "C"`;
    return (await this.x.query<RuleRow>(sql, params)).map(rowToRule);
  }

  async getRule(id: string): Promise<SessionRule | null> {
    const r = await this.x.one<RuleRow>('SELECT * FROM session_rules WHERE id = $1', [id]);
    return r ? rowToRule(r) : null;
  }

  insertRule(r: SessionRule): Promise<void> {
    return this.x.writeSetup(async () => {
      const now = new Date().toISOString();
      await this.x.query(
        `INSERT INTO session_rules (id, schedule_id, service_id, title, start_local, duration_minutes, recurrence_days,
           until_local, occurrence_count, staff_id, capacity, revision, created_date, updated_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [r.id, ...ruleParams(r), now, now],
      );
    });
  }

  updateRule(r: SessionRule, expected: string): Promise<boolean> {
    return this.x.writeSetup(async () => {
      const updated = await this.x.query(
        `UPDATE session_rules SET schedule_id = $1, service_id = $2, title = $3, start_local = $4, duration_minutes = $5,
             recurrence_days = $6, until_local = $7, occurrence_count = $8, staff_id = $9, capacity = $10, revision = $11,
             updated_date = $12 WHERE id = $13 AND revision = $14 RETURNING id`,
        [...ruleParams(r), new Date().toISOString(), r.id, expectedRevision(expected)],
      );
      return updated.length > 0;
    });
  }

  deleteRule(id: string): Promise<boolean> {
    return this.x.writeSetup(async () => (await this.x.query('DELETE FROM session_rules WHERE id = $1 RETURNING id', [id])).length > 0);
  }

  async listCancelledOccurrences(ruleIds: string[]): Promise<{ ruleId: string; localStart: string }[]> {
    if (ruleIds.length === 0) return [];
    // SQLite reads these through its (rule_id, local_start) key: the same order, said out loud.
    const rows = await this.x.query<{ rule_id: string; local_start: string }>(
      `SELECT rule_id, local_start FROM session_exceptions WHERE status = 'CANCELLED' AND rule_id = ANY($1::text[])
       ORDER BY rule_id COLLATE "C", local_start COLLATE "C"`,
      [ruleIds],
    );
    return rows.map((r) => ({ ruleId: r.rule_id, localStart: r.local_start }));
  }

  setOccurrenceCancelled(ruleId: string, localStart: string, cancelled: boolean): Promise<void> {
    return this.x.writeSetup(async () => {
      if (cancelled) {
        await this.x.query(
          `INSERT INTO session_exceptions (rule_id, local_start, status) VALUES ($1, $2, 'CANCELLED') ON CONFLICT DO NOTHING`,
          [ruleId, localStart],
        );
      } else {
        await this.x.query('DELETE FROM session_exceptions WHERE rule_id = $1 AND local_start = $2', [ruleId, localStart]);
      }
    });
  }

  async listMoves(ruleIds: string[]): Promise<SessionMove[]> {
    if (ruleIds.length === 0) return [];
    const rows = await this.x.query<MoveRow>(
      `SELECT rule_id, local_start, moved_start, duration_minutes FROM session_moves WHERE rule_id = ANY($1::text[])
       ORDER BY rule_id COLLATE "C", local_start COLLATE "C"`,
      [ruleIds],
    );
    return rows.map(rowToMove);
  }

  setMove(ruleId: string, localStart: string, move: { movedStart: string; durationInMinutes: number } | null): Promise<void> {
    return this.x.writeSetup(async () => {
      await this.x.query('DELETE FROM session_moves WHERE rule_id = $1 AND local_start = $2', [ruleId, localStart]);
      if (move) {
        await this.x.query('INSERT INTO session_moves (rule_id, local_start, moved_start, duration_minutes) VALUES ($1, $2, $3, $4)', [
          ruleId,
          localStart,
          move.movedStart,
          move.durationInMinutes,
        ]);
      }
    });
  }
}
