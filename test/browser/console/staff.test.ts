/**
 * The Staff view's working hours rules in the browser: the server's ranges as rows a weekday, what is wrong beside
 * which field (a missing time, an end not after its start, an overlap the same day), the server's refusals mapped
 * to rows, and the week's summary.
 */
import { expect } from '@open-wc/testing';
import { timeOffErrors, timeOffOf, timeOffRows, timeOffServerErrors } from '../../../src/console/staff/time-off-rules.js';
import { hoursErrors, hoursOf, hoursSummary, minutesOf, rowsOf, serverErrors } from '../../../src/console/staff/working-hours-rules.js';

describe('staff working hours rules', () => {
  it('orders the rows by weekday, then start, and saves them in that order', () => {
    const rows = rowsOf([
      { day: 'WED', startTime: '13:00', endTime: '17:00' },
      { day: 'MON', startTime: '09:00', endTime: '12:00' },
      { day: 'WED', startTime: '08:00', endTime: '12:00' },
    ]);
    expect(hoursOf(rows)).to.deep.equal([
      { day: 'MON', startTime: '09:00', endTime: '12:00' },
      { day: 'WED', startTime: '08:00', endTime: '12:00' },
      { day: 'WED', startTime: '13:00', endTime: '17:00' },
    ]);
  });

  it('reads times, 24:00 included, and refuses what is not one', () => {
    expect(minutesOf('00:00')).to.equal(0);
    expect(minutesOf('24:00')).to.equal(1440);
    expect(minutesOf('17:30')).to.equal(1050);
    for (const bad of ['', '9:00', '24:30', '12:60']) expect(minutesOf(bad)).to.equal(null);
  });

  it('says an end not after its start, a missing time and an overlap beside their fields', () => {
    const rows = rowsOf([
      { day: 'MON', startTime: '09:00', endTime: '09:00' },
      { day: 'TUE', startTime: '09:00', endTime: '12:00' },
      { day: 'TUE', startTime: '11:00', endTime: '14:00' },
      { day: 'WED', startTime: '', endTime: '12:00' },
      { day: 'THU', startTime: '09:00', endTime: '12:00' },
      { day: 'FRI', startTime: '09:00', endTime: '12:00' },
      { day: 'FRI', startTime: '12:00', endTime: '13:00' },
    ]);
    const errors = hoursErrors(rows);
    const [mon, tue1, tue2, wed, thu, fri1, fri2] = rows.map((r) => errors.get(r.key));
    expect(mon).to.deep.equal({ endTime: 'Ends after it starts.' });
    expect(tue1).to.equal(undefined);
    expect(tue2).to.deep.equal({ startTime: 'Overlaps 09:00–12:00 the same day.' });
    expect(wed).to.deep.equal({ startTime: 'Enter a time.' });
    // Back to back is not an overlap; the same hours on another day neither.
    expect([thu, fri1, fri2]).to.deep.equal([undefined, undefined, undefined]);
  });

  it("maps the server's refusals to rows by index, and the rest to fields", () => {
    const rows = rowsOf([
      { day: 'MON', startTime: '09:00', endTime: '12:00' },
      { day: 'TUE', startTime: '10:00', endTime: '09:00' },
    ]);
    const { hours, fields } = serverErrors(rows, [
      { field: 'staffMember.workingHours[1].endTime', description: 'must be after startTime' },
      { field: 'staffMember.email', description: 'must match pattern' },
    ]);
    expect(hours.get(rows[1]!.key)).to.deep.equal({ endTime: 'must be after startTime' });
    expect(hours.has(rows[0]!.key)).to.equal(false);
    expect(fields).to.deep.equal({ email: 'must match pattern' });
  });

  it('summarises a week', () => {
    expect(hoursSummary([])).to.equal('No working hours');
    expect(
      hoursSummary([
        { day: 'TUE', startTime: '13:00', endTime: '17:00' },
        { day: 'MON', startTime: '09:00', endTime: '12:00' },
      ]),
    ).to.equal('Mon 09:00–12:00, Tue 13:00–17:00');
  });

  it('time off: rows from the server, checks beside the field, the server refusals by row, and the saved shape', () => {
    const rows = timeOffRows([
      { start: '2026-12-24T00:00:00', end: '2026-12-25T00:00:00' },
      { start: '2026-12-31T13:00:00', end: '2026-12-31T12:00:00' },
    ]);
    expect(rows.map((r) => [r.start, r.end])).to.deep.equal([
      ['2026-12-24T00:00', '2026-12-25T00:00'],
      ['2026-12-31T13:00', '2026-12-31T12:00'],
    ]);
    const extra = [...rows, { key: 999, start: '', end: '2027-01-01T00:00' }];
    const errors = timeOffErrors(extra);
    expect(errors.get(rows[0]!.key)).to.equal(undefined);
    expect(errors.get(rows[1]!.key)).to.deep.equal({ end: 'Ends after it starts.' });
    expect(errors.get(999)).to.deep.equal({ start: 'Enter a date and time.' });
    const refused = timeOffServerErrors(rows, [{ field: 'staffMember.timeOff[0].start', description: 'is not a real date-time' }]);
    expect(refused.get(rows[0]!.key)).to.deep.equal({ start: 'is not a real date-time' });
    expect(timeOffOf(rows.slice(0, 1))).to.deep.equal([{ start: '2026-12-24T00:00:00', end: '2026-12-25T00:00:00' }]);
  });
});
