/**
 * The bookings list's filter as pure rules, in the browser: the address round trip (`#bookings` stays bare, bad
 * values fall back), the route's `?` settings, the server query (studio days as instants, search beside the
 * filter), and which live bookings still belong.
 */
import { expect } from '@open-wc/testing';
import type { Booking } from '../../../src/model/booking.js';
import { parseRoute, routeHref } from '../../../src/console/booking-console/route.js';
import {
  dayStart,
  filterFromQuery,
  filterToQuery,
  matchesBesidesStatus,
  serverQuery,
} from '../../../src/console/bookings/booking-filter.js';

const NY = 'America/New_York';

function aBooking(extra: { first?: string; email?: string; start?: string; service?: string; staff?: string } = {}): Booking {
  return {
    id: 'b1',
    status: 'PENDING',
    revision: '1',
    startDate: extra.start ?? '2026-12-02T15:00:00.000Z',
    contactDetails: { firstName: extra.first ?? 'Priya', lastName: 'Shah', email: extra.email ?? 'priya@example.com' },
    bookedEntity: { title: 'Personal Training', slot: { serviceId: extra.service ?? 's1', resource: { id: extra.staff ?? 'alex' } } },
  } as Booking;
}

describe('console: bookings filter', () => {
  it('keeps #bookings bare by default and round-trips every part through the address', () => {
    const none = filterFromQuery({});
    expect(none.status).to.equal('PENDING');
    expect(filterToQuery(none)).to.deep.equal({});
    const q = { status: 'all', service: 's1', staff: 'alex', from: '2026-12-01', to: '2026-12-31', q: 'priya sh' };
    expect(filterToQuery(filterFromQuery(q))).to.deep.equal(q);
    expect(filterFromQuery({ status: 'all' }).status).to.equal(undefined);
    expect(filterFromQuery({ status: 'NOPE', from: '1 Dec' })).to.include({ status: 'PENDING', from: undefined });
  });

  it('reads the settings after ? in the route, and #bookings and #booking/<id> as before', () => {
    expect(parseRoute('#bookings')).to.deep.equal({ view: 'bookings', param: undefined, query: {} });
    expect(parseRoute('#booking/a%2Fb')).to.deep.equal({ view: 'booking', param: 'a/b', query: {} });
    const r = parseRoute('#bookings?status=CONFIRMED&q=J%C3%B6rg%20B');
    expect(r).to.deep.equal({ view: 'bookings', param: undefined, query: { status: 'CONFIRMED', q: 'Jörg B' } });
    expect(parseRoute(routeHref('bookings', undefined, { q: 'a&b=c' })).query).to.deep.equal({ q: 'a&b=c' });
  });

  it("asks the server for the studio's days, with the search beside the filter", () => {
    expect(dayStart('2026-12-02', NY)).to.equal('2026-12-02T05:00:00.000Z');
    expect(dayStart('2026-07-02', NY)).to.equal('2026-07-02T04:00:00.000Z');
    const query = serverQuery(filterFromQuery({ from: '2026-12-02', to: '2026-12-02', staff: 'alex', q: ' priya ' }), NY, 50, 0);
    expect(query.filter).to.deep.equal({
      status: 'PENDING',
      'bookedEntity.slot.resource.id': 'alex',
      startDate: { $gte: '2026-12-02T05:00:00.000Z', $lt: '2026-12-03T05:00:00.000Z' },
    });
    expect(query.search).to.deep.equal({ expression: 'priya' });
    expect(query.paging).to.deep.equal({ limit: 50, offset: 0 });
  });

  it('keeps a live booking only while it matches service, staff, days and search', () => {
    const f = filterFromQuery({ service: 's1', staff: 'alex', from: '2026-12-02', to: '2026-12-02', q: 'PRIYA s' });
    expect(matchesBesidesStatus(aBooking(), f, NY)).to.equal(true);
    expect(matchesBesidesStatus(aBooking({ staff: 'sam' }), f, NY)).to.equal(false);
    expect(matchesBesidesStatus(aBooking({ service: 's2' }), f, NY)).to.equal(false);
    expect(matchesBesidesStatus(aBooking({ start: '2026-12-03T05:00:00.000Z' }), f, NY)).to.equal(false);
    expect(matchesBesidesStatus(aBooking({ first: 'Jonas' }), f, NY)).to.equal(false);
    expect(matchesBesidesStatus(aBooking({ first: 'Jonas' }), filterFromQuery({ q: 'example.com' }), NY)).to.equal(true);
  });
});
