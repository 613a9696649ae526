/**
 * The console's finishing rules, in the browser: which sidebar link a view lights (a booking, a new booking and a
 * customer under their lists), and which studio days Export CSV covers for a filter.
 */
import { expect } from '@open-wc/testing';
import { VIEWS, sidebarViewOf, viewFor } from '../../../src/console/booking-console/views.js';
import { exportFileName, exportRange } from '../../../src/console/export/export-range.js';
import { EXPORT_TEXT } from '../../../src/console/export/export-texts.js';
import type { BusinessUser } from '../../../src/model/business-user.js';

const owner = { role: 'OWNER' } as BusinessUser;
const staff = { role: 'STAFF' } as BusinessUser;

describe('console: the sidebar link a view lights', () => {
  it('lights the list a sub-view belongs to', () => {
    expect(sidebarViewOf(viewFor('booking', owner))).to.equal('bookings');
    expect(sidebarViewOf(viewFor('new-booking', owner))).to.equal('bookings');
    expect(sidebarViewOf(viewFor('customer', owner))).to.equal('customers');
    expect(sidebarViewOf(viewFor('policy', owner))).to.equal('policies');
  });

  it('lights a linked view itself, and the default for an address the account may not open', () => {
    expect(sidebarViewOf(viewFor('bookings', owner))).to.equal('bookings');
    expect(sidebarViewOf(viewFor('outbox', owner))).to.equal('outbox');
    expect(sidebarViewOf(viewFor('new-booking', staff))).to.equal('agenda');
    expect(sidebarViewOf(viewFor('policies', staff))).to.equal('agenda');
    expect(sidebarViewOf(viewFor('nowhere', owner))).to.equal('agenda');
  });

  it('names only parents that have a sidebar link', () => {
    const linked = new Set(VIEWS.filter((v) => v.label).map((v) => v.view));
    for (const v of VIEWS) if (v.parent) expect(linked.has(v.parent), `${v.view} → ${v.parent}`).to.equal(true);
  });
});

describe('console: the days Export CSV covers', () => {
  // 2 December 2026, 03:00 UTC: still 1 December in New York, already 2 December in Berlin.
  const at = Date.parse('2026-12-02T03:00:00Z');

  it("is the filter's dates when it has both", () => {
    expect(exportRange({ from: '2026-11-03', to: '2026-12-20' }, 'America/New_York', at)).to.deep.equal({
      from: '2026-11-03',
      to: '2026-12-20',
    });
  });

  it("is this month in the studio's zone when the filter has no dates", () => {
    expect(exportRange({ from: undefined, to: undefined }, 'America/New_York', at)).to.deep.equal({ from: '2026-12-01', to: '2026-12-31' });
    // 31 December 23:30 in New York is January in Berlin: the studio's month counts.
    const newYearsEve = Date.parse('2027-01-01T04:30:00Z');
    expect(exportRange({ from: undefined, to: undefined }, 'America/New_York', newYearsEve)).to.deep.equal({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(exportRange({ from: undefined, to: undefined }, 'Europe/Berlin', newYearsEve)).to.deep.equal({
      from: '2027-01-01',
      to: '2027-01-31',
    });
  });

  it("widens a lone date to its month's end or start (February in a leap year too)", () => {
    expect(exportRange({ from: '2028-02-10', to: undefined }, 'America/New_York', at)).to.deep.equal({
      from: '2028-02-10',
      to: '2028-02-29',
    });
    expect(exportRange({ from: '2026-12-10', to: undefined }, 'America/New_York', at)).to.deep.equal({
      from: '2026-12-10',
      to: '2026-12-31',
    });
    expect(exportRange({ from: undefined, to: '2026-11-15' }, 'America/New_York', at)).to.deep.equal({
      from: '2026-11-01',
      to: '2026-11-15',
    });
  });

  it('names the file as the server does, and says the days in words', () => {
    expect(exportFileName({ from: '2026-12-01', to: '2026-12-31' })).to.equal('bookings-2026-12-01-2026-12-31.csv');
    expect(EXPORT_TEXT.range('2026-12-01', '2026-12-31')).to.equal('Exports bookings from Dec 1, 2026 to Dec 31, 2026 (studio time).');
  });
});
