/**
 * The service form's pure rules in the browser: a service as a draft and back as the fields the server takes
 * (payment options kept, a varied price left alone, a known category by id, a new one with its name, the image only
 * when changed), the checks before sending, server violations placed beside their fields, and the conflict's rows.
 */
import { expect } from '@open-wc/testing';
import type { Service } from '../../../src/model/service.js';
import {
  EMPTY_DRAFT,
  differingFields,
  draftOf,
  draftProblems,
  fieldOfViolation,
  placeViolations,
  serviceInput,
} from '../../../src/console/services/service-draft.js';
import { priceText, servicesByType } from '../../../src/console/services/service-rows.js';
import { SERVICE_TEXT } from '../../../src/console/services/service-texts.js';

const usd = (value: string) => ({ value, currency: 'USD' });

function aService(extra: Partial<Service> = {}): Service {
  return {
    id: 's1',
    type: 'CLASS',
    name: 'Vinyasa Flow',
    description: 'Breath and movement.',
    category: { id: 'c1', name: 'Yoga' },
    defaultCapacity: 12,
    payment: {
      rateType: 'FIXED',
      fixed: { price: usd('20.00') },
      options: { online: true, inPerson: true, deposit: false, pricingPlan: true },
      pricingPlanIds: [],
    },
    onlineBooking: { enabled: true, requireManualApproval: false, allowMultipleRequests: false },
    schedule: { id: 'sch', availabilityConstraints: { sessionDurations: [60], timeBetweenSessions: 0 } },
    staffMemberIds: ['maya'],
    locations: [],
    bookingPolicy: {} as Service['bookingPolicy'],
    media: { items: [{ image: { url: 'https://img.example/a.jpg' } }, { image: { url: 'https://img.example/b.jpg' } }] },
    createdDate: '2026-12-01T00:00:00Z',
    updatedDate: '2026-12-01T00:00:00Z',
    revision: '4',
    ...extra,
  };
}

const ctx = (base: Service | undefined) => ({ base, categories: [{ id: 'c1', name: 'Yoga' }], currency: 'USD', newId: () => 'new-id' });

describe('the service form', () => {
  it('reads a service as the text the owner edits', () => {
    const d = draftOf(aService());
    expect(d).to.include({ name: 'Vinyasa Flow', category: 'Yoga', capacity: '12', durations: '60', priceKind: 'FIXED', price: '20.00' });
    expect(d.imageUrl).to.equal('https://img.example/a.jpg');
    expect(d.staffMemberIds).to.deep.equal(['maya']);
  });

  it('sends a changed price with the options set before, and leaves the pictures alone when unchanged', () => {
    const base = aService();
    const input = serviceInput({ ...draftOf(base), price: ' 25 ', deposit: '5' }, ctx(base));
    expect(input.payment).to.deep.equal({
      rateType: 'FIXED',
      fixed: { price: usd('25'), deposit: usd('5') },
      options: { online: true, inPerson: true, deposit: true, pricingPlan: true },
    });
    expect(input.media).to.equal(undefined);
    expect(input.category).to.deep.equal({ id: 'c1' });
    expect(input.schedule).to.deep.equal({ availabilityConstraints: { sessionDurations: [60] } });
    expect(input.bookingPolicy).to.equal(undefined);
    expect(serviceInput({ ...draftOf(base), policyId: 'shared' }, ctx(base)).bookingPolicy).to.deep.equal({ id: 'shared' });
  });

  it('leaves a varied price to its variants, names a new category, and clears a removed picture', () => {
    const base = aService({
      payment: { ...aService().payment, rateType: 'VARIED', varied: { defaultPrice: usd('45.00') } },
    });
    const input = serviceInput({ ...draftOf(base), category: 'Strength', imageUrl: '', durations: '30, 60' }, ctx(base));
    expect(input.payment).to.equal(undefined);
    expect(input.category).to.deep.equal({ id: 'new-id', name: 'Strength' });
    expect(input.media).to.deep.equal({ items: [] });
    expect(input.schedule?.availabilityConstraints?.sessionDurations).to.deep.equal([30, 60]);
  });

  it('makes a free new appointment without a capacity (the server keeps it at 1)', () => {
    const input = serviceInput({ ...EMPTY_DRAFT, name: 'Massage', type: 'APPOINTMENT', priceKind: 'NO_FEE' }, ctx(undefined));
    expect(input.payment).to.deep.equal({ rateType: 'NO_FEE', options: { deposit: false } });
    expect(input).not.to.have.property('defaultCapacity');
    expect(input).not.to.have.property('media');
  });

  it('finds text that is no number before sending', () => {
    const problems = draftProblems({ ...EMPTY_DRAFT, name: ' ', capacity: 'ten', durations: '30,', price: '1.234' }, SERVICE_TEXT);
    expect(problems).to.deep.equal({
      name: SERVICE_TEXT.required,
      capacity: SERVICE_TEXT.whole,
      durations: SERVICE_TEXT.minutes,
      price: SERVICE_TEXT.amount,
    });
    expect(draftProblems({ ...EMPTY_DRAFT, name: 'Yoga', price: '20.5' }, SERVICE_TEXT)).to.deep.equal({});
  });

  it("places the server's violations beside their fields", () => {
    expect(fieldOfViolation('service.payment.fixed.deposit.value')).to.equal('deposit');
    expect(fieldOfViolation('service.payment.deposit.value')).to.equal('deposit');
    expect(fieldOfViolation('service.payment.price')).to.equal('price');
    expect(fieldOfViolation('service.staffMemberIds[0]')).to.equal('staffMemberIds');
    expect(fieldOfViolation('service.media.items[0].image.url')).to.equal('imageUrl');
    expect(fieldOfViolation('service.onlineBooking.requireManualApproval')).to.equal('manualApproval');
    const placed = placeViolations([
      { field: 'service.payment.options.deposit', description: 'needs online payment enabled' },
      { field: 'service.payment.deposit.value', description: 'cannot be more than the price' },
      { field: 'service.bookingPolicy.id', description: 'names no policy' },
    ]);
    expect(placed.byField).to.deep.equal({
      deposit: 'needs online payment enabled; cannot be more than the price',
      policyId: 'names no policy',
    });
    expect(placed.rest).to.deep.equal([]);
  });

  it('lists the fields two versions differ in, in the form order', () => {
    const theirs = draftOf(aService());
    expect(differingFields(theirs, { ...theirs, capacity: '9', name: 'Flow II' })).to.deep.equal(['name', 'capacity']);
  });
});

describe('the services list', () => {
  it('groups by type in order and says each price', () => {
    const groups = servicesByType([
      aService({ id: 'b', name: 'Zumba' }),
      aService({ id: 'a', name: 'Aerial' }),
      aService({ id: 'c', type: 'COURSE', name: 'Course' }),
    ]);
    expect(groups.map((g) => [g.type, g.services.map((s) => s.name)])).to.deep.equal([
      ['CLASS', ['Aerial', 'Zumba']],
      ['COURSE', ['Course']],
    ]);
    expect(priceText(aService())).to.equal('$20.00');
    expect(priceText(aService({ payment: { ...aService().payment, rateType: 'NO_FEE' } }))).to.equal('Free');
    expect(priceText(aService({ payment: { ...aService().payment, rateType: 'VARIED' } }))).to.equal('Price by option');
  });
});
