/** Staff members in PostgreSQL, with their weekly working hours as rows of minutes (Monday is 1). */
import type { StaffMember, TimeOff, WorkingHours, Weekday } from '../../../src/model/business.js';
import { WEEKDAYS } from '../../../src/model/business.js';
import type { StaffStore } from '../types.js';
import type { PostgresExecutor } from './executor.js';
import { iso } from './rows.js';
import { expectedRevision } from './service-rows.js';

const dayNumber = (d: Weekday): number => WEEKDAYS.indexOf(d) + 1;
const dayName = (n: number): Weekday => WEEKDAYS[n - 1] ?? 'MON';
const toMinute = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const toHhmm = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

interface StaffRow {
  id: string;
  name: string;
  email: string | null;
  schedule_id: string;
  revision: number;
  created_date: Date;
  updated_date: Date;
  hours: { weekday: number; start_minute: number; end_minute: number }[];
  time_off: TimeOff[];
}

/** A staff member with their hours (aggregated in one statement); add `WHERE` / `ORDER BY` after it. */
const STAFF_SELECT = `
  SELECT s.*, COALESCE((
    SELECT json_agg(json_build_object('weekday', h.weekday, 'start_minute', h.start_minute, 'end_minute', h.end_minute)
                    ORDER BY h.weekday, h.start_minute)
    FROM working_hours h WHERE h.staff_id = s.id), '[]'::json) AS hours,
  COALESCE((
    SELECT json_agg(json_build_object('start', t.start_local, 'end', t.end_local) ORDER BY t.start_local, t.end_local)
    FROM staff_time_off t WHERE t.staff_id = s.id), '[]'::json) AS time_off
  FROM staff_members s`;

function rowToStaff(r: StaffRow): StaffMember {
  return {
    id: r.id,
    name: r.name,
    ...(r.email ? { email: r.email } : {}),
    scheduleId: r.schedule_id,
    workingHours: r.hours.map((h): WorkingHours => ({
      day: dayName(h.weekday),
      startTime: toHhmm(h.start_minute),
      endTime: toHhmm(h.end_minute),
    })),
    timeOff: r.time_off.map(({ start, end }) => ({ start, end })),
    createdDate: iso(r.created_date),
    updatedDate: iso(r.updated_date),
    revision: String(r.revision),
  };
}

export class PostgresStaffStore implements StaffStore {
  constructor(private readonly x: PostgresExecutor) {}

  async list(): Promise<StaffMember[]> {
    return (await this.x.query<StaffRow>(`${STAFF_SELECT} ORDER BY s.name COLLATE "C"`)).map(rowToStaff);
  }

  async get(id: string): Promise<StaffMember | null> {
    const r = await this.x.one<StaffRow>(`${STAFF_SELECT} WHERE s.id = $1`, [id]);
    return r ? rowToStaff(r) : null;
  }

  insert(s: StaffMember): Promise<void> {
    return this.x.writeSetup(async () => {
      await this.x.query(
        `INSERT INTO staff_members (id, name, email, schedule_id, revision, created_date, updated_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [s.id, s.name, s.email ?? null, s.scheduleId, Number(s.revision), s.createdDate, s.updatedDate],
      );
      await this.writeHours(s.id, s.workingHours);
      await this.writeTimeOff(s.id, s.timeOff);
    });
  }

  update(s: StaffMember, expected: string): Promise<boolean> {
    return this.x.writeSetup(async () => {
      const updated = await this.x.query(
        'UPDATE staff_members SET name = $1, email = $2, revision = $3, updated_date = $4 WHERE id = $5 AND revision = $6 RETURNING id',
        [s.name, s.email ?? null, Number(s.revision), s.updatedDate, s.id, expectedRevision(expected)],
      );
      if (updated.length === 0) return false;
      await this.writeHours(s.id, s.workingHours);
      await this.writeTimeOff(s.id, s.timeOff);
      return true;
    });
  }

  setWorkingHours(staffId: string, hours: WorkingHours[]): Promise<void> {
    return this.x.writeSetup(() => this.writeHours(staffId, hours));
  }

  delete(id: string): Promise<boolean> {
    return this.x.writeSetup(async () => (await this.x.query('DELETE FROM staff_members WHERE id = $1 RETURNING id', [id])).length > 0);
  }

  private async writeHours(staffId: string, hours: WorkingHours[]): Promise<void> {
    await this.x.query('DELETE FROM working_hours WHERE staff_id = $1', [staffId]);
    for (const h of hours) {
      await this.x.query('INSERT INTO working_hours (staff_id, weekday, start_minute, end_minute) VALUES ($1, $2, $3, $4)', [
        staffId,
        dayNumber(h.day),
        toMinute(h.startTime),
        toMinute(h.endTime),
      ]);
    }
  }

  private async writeTimeOff(staffId: string, ranges: readonly TimeOff[]): Promise<void> {
    await this.x.query('DELETE FROM staff_time_off WHERE staff_id = $1', [staffId]);
    for (const r of ranges) {
      await this.x.query('INSERT INTO staff_time_off (staff_id, start_local, end_local) VALUES ($1, $2, $3)', [staffId, r.start, r.end]);
    }
  }
}
