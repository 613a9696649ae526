/** Staff members in SQLite, with their weekly working hours as rows of minutes (Monday is 1). */
import type { StaffMember, TimeOff, WorkingHours, Weekday } from '../../../src/model/business.js';
import { WEEKDAYS } from '../../../src/model/business.js';
import type { StaffStore } from '../types.js';
import type { Db, SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

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
  created_date: string;
  updated_date: string;
}

function rowToStaff(db: Db, r: StaffRow): StaffMember {
  const hours = (
    prepared(db, 'SELECT weekday, start_minute, end_minute FROM working_hours WHERE staff_id = ? ORDER BY weekday, start_minute').all(
      r.id,
    ) as {
      weekday: number;
      start_minute: number;
      end_minute: number;
    }[]
  ).map((h): WorkingHours => ({ day: dayName(h.weekday), startTime: toHhmm(h.start_minute), endTime: toHhmm(h.end_minute) }));
  const timeOff = prepared(
    db,
    'SELECT start_local AS start, end_local AS "end" FROM staff_time_off WHERE staff_id = ? ORDER BY start_local, end_local',
  ).all(r.id) as TimeOff[];
  return {
    id: r.id,
    name: r.name,
    ...(r.email ? { email: r.email } : {}),
    scheduleId: r.schedule_id,
    workingHours: hours,
    timeOff: timeOff.map(({ start, end }) => ({ start, end })),
    createdDate: r.created_date,
    updatedDate: r.updated_date,
    revision: String(r.revision),
  };
}

function writeHours(db: Db, staffId: string, hours: WorkingHours[]): void {
  prepared(db, 'DELETE FROM working_hours WHERE staff_id = ?').run(staffId);
  const add = prepared(db, 'INSERT INTO working_hours (staff_id, weekday, start_minute, end_minute) VALUES (?, ?, ?, ?)');
  for (const h of hours) add.run(staffId, dayNumber(h.day), toMinute(h.startTime), toMinute(h.endTime));
}

function writeTimeOff(db: Db, staffId: string, ranges: readonly TimeOff[]): void {
  prepared(db, 'DELETE FROM staff_time_off WHERE staff_id = ?').run(staffId);
  const add = prepared(db, 'INSERT INTO staff_time_off (staff_id, start_local, end_local) VALUES (?, ?, ?)');
  for (const r of ranges) add.run(staffId, r.start, r.end);
}

export class SqliteStaffStore implements StaffStore {
  constructor(private readonly x: SqliteExecutor) {}
  list(): Promise<StaffMember[]> {
    return this.x.exec((db) =>
      (prepared(db, 'SELECT * FROM staff_members ORDER BY name').all() as StaffRow[]).map((r) => rowToStaff(db, r)),
    );
  }
  get(id: string): Promise<StaffMember | null> {
    return this.x.exec((db) => {
      const r = prepared(db, 'SELECT * FROM staff_members WHERE id = ?').get(id) as StaffRow | undefined;
      return r ? rowToStaff(db, r) : null;
    });
  }
  insert(s: StaffMember): Promise<void> {
    return this.x.writeSetup((db) =>
      db.transaction(() => {
        prepared(
          db,
          'INSERT INTO staff_members (id, name, email, schedule_id, revision, created_date, updated_date) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(s.id, s.name, s.email ?? null, s.scheduleId, Number(s.revision), s.createdDate, s.updatedDate);
        writeHours(db, s.id, s.workingHours);
        writeTimeOff(db, s.id, s.timeOff);
      })(),
    );
  }
  update(s: StaffMember, expectedRevision: string): Promise<boolean> {
    return this.x.writeSetup((db) =>
      db.transaction(() => {
        const changed =
          prepared(db, 'UPDATE staff_members SET name = ?, email = ?, revision = ?, updated_date = ? WHERE id = ? AND revision = ?').run(
            s.name,
            s.email ?? null,
            Number(s.revision),
            s.updatedDate,
            s.id,
            Number(expectedRevision),
          ).changes > 0;
        if (changed) {
          writeHours(db, s.id, s.workingHours);
          writeTimeOff(db, s.id, s.timeOff);
        }
        return changed;
      })(),
    );
  }
  setWorkingHours(staffId: string, hours: WorkingHours[]): Promise<void> {
    return this.x.writeSetup((db) => db.transaction(() => writeHours(db, staffId, hours))());
  }
  delete(id: string): Promise<boolean> {
    return this.x.writeSetup((db) => prepared(db, 'DELETE FROM staff_members WHERE id = ?').run(id).changes > 0);
  }
}
