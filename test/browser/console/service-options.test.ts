/**
 * The service form's payment, options-and-variants and preview rules in the browser: the payment as typed (a
 * described price, plans that cover it), a variant draft and back with its problems and the server's violations
 * placed by row, and the preview's card words as the widget says them.
 */
import { expect } from '@open-wc/testing';
import { cardDeposit, cardPrice } from '../../../src/i18n/service-card.js';
import type { ServiceOptionsAndVariants } from '../../../src/model/service.js';
import { paymentInput } from '../../../src/console/services/payment-draft.js';
import { previewService } from '../../../src/console/services/preview-service.js';
import { EMPTY_DRAFT, draftOf, serviceInput } from '../../../src/console/services/service-draft.js';
import { knownPlaces, locationDraftOf, locationsInput } from '../../../src/console/services/location-draft.js';
import {
  lowestTyped,
  newVariantDraft,
  variantDraftOf,
  variantKeyOf,
  variantProblems,
  variantsInput,
} from '../../../src/console/services/variant-draft.js';
import { VARIANT_TEXT as T } from '../../../src/console/services/variant-texts.js';

const usd = (value: string) => ({ value, currency: 'USD' });
const TEXT = { name: T.needName, choice: T.needChoice, minutes: T.needMinutes, amount: T.amount, twice: T.twice };

describe('the service payment', () => {
  it('sends a described price, in person only, and the plans only while plans are accepted', () => {
    const d = { ...EMPTY_DRAFT, priceKind: 'CUSTOM' as const, customPrice: ' Pay what you can ', payOnline: false, payInPerson: true };
    expect(paymentInput({ ...d, acceptPlans: true, planIds: ['p1'] }, 'USD')).to.deep.equal({
      rateType: 'CUSTOM',
      custom: { description: 'Pay what you can' },
      options: { online: false, inPerson: true, deposit: false, pricingPlan: true },
      pricingPlanIds: ['p1'],
    });
    expect(paymentInput({ ...d, acceptPlans: false, planIds: ['p1'] }, 'USD').pricingPlanIds).to.deep.equal([]);
  });
});

describe('the service location', () => {
  const studio = {
    type: 'BUSINESS' as const,
    business: { id: 'b1', name: 'Harbor Studio', address: { formattedAddress: '12 Harbor St' } },
  };

  it('reads the place as a choice and sends it back only when it changed', () => {
    expect(knownPlaces([studio, { type: 'CUSTOMER' }, studio])).to.deep.equal([studio]);
    expect(locationDraftOf([studio])).to.deep.equal({ location: 'BUSINESS:b1', locationAddress: '' });
    const park = { location: 'CUSTOM', locationAddress: ' Pier 6 ' };
    expect(locationsInput(park, [])).to.deep.equal([{ type: 'CUSTOM', custom: { address: { formattedAddress: 'Pier 6' } } }]);
    expect(locationsInput({ location: 'BUSINESS:b1', locationAddress: '' }, [studio])).to.deep.equal([studio]);
    const base = {
      ...previewService({ ...EMPTY_DRAFT, name: 'Yoga', price: '1' }, { base: undefined, currency: 'USD', lowestVariant: undefined }),
      locations: [studio],
    };
    const ctx = { base, categories: [], currency: 'USD', newId: () => 'x', places: [studio] };
    expect(serviceInput(draftOf(base), ctx)).not.to.have.property('locations');
    expect(serviceInput({ ...draftOf(base), location: 'CUSTOMER' }, ctx).locations).to.deep.equal([{ type: 'CUSTOMER' }]);
  });
});

describe('the options and variants', () => {
  const saved: ServiceOptionsAndVariants = {
    id: 'v1',
    serviceId: 's1',
    options: { values: [{ id: 'o1', type: 'CUSTOM', customData: { name: 'Size', choices: ['Small', 'Large'] } }] },
    variants: {
      values: [
        { choices: [{ optionId: 'o1', custom: 'Small' }], price: usd('10.00') },
        { choices: [{ optionId: 'o1', custom: 'Large' }], price: usd('18.00') },
      ],
    },
    revision: '3',
  };

  it('reads the saved options as text and sends them back unchanged', () => {
    const d = variantDraftOf(saved);
    expect(d).to.deep.equal({
      kind: 'CUSTOM',
      name: 'Size',
      rows: [
        { choice: 'Small', price: '10.00' },
        { choice: 'Large', price: '18.00' },
      ],
    });
    const { serviceId, options, variants } = saved;
    expect(variantsInput(d, { serviceId: 's1', optionId: 'o1', currency: 'USD' })).to.deep.equal({ serviceId, options, variants });
    expect(lowestTyped({ ...d, rows: [...d.rows, { choice: 'Tiny', price: '9.5' }] }, 'USD')).to.deep.equal(usd('9.5'));
  });

  it('starts durations and staff from the service, and finds what is missing or repeated', () => {
    expect(newVariantDraft('DURATION', { durations: [30, 60], staffIds: [] }).rows.map((r) => r.choice)).to.deep.equal(['30', '60']);
    expect(newVariantDraft('STAFF_MEMBER', { durations: [], staffIds: ['maya'] }).rows).to.deep.equal([{ choice: 'maya', price: '' }]);
    const bad = {
      kind: 'CUSTOM' as const,
      name: ' ',
      rows: [
        { choice: 'A', price: '1.234' },
        { choice: 'a', price: '5' },
        { choice: '', price: '' },
      ],
    };
    expect(variantProblems(bad, TEXT)).to.deep.equal({
      name: T.needName,
      'price-0': T.amount,
      'choice-1': T.twice,
      'choice-2': T.needChoice,
      'price-2': T.amount,
    });
    expect(variantKeyOf('serviceOptionsAndVariants.variants.values[1].price.value')).to.equal('price-1');
    expect(variantKeyOf('serviceOptionsAndVariants.variants.values[0].choices[0].custom')).to.equal('choice-0');
    expect(variantKeyOf('serviceOptionsAndVariants.variants')).to.equal(undefined);
  });
});

describe('the preview', () => {
  it('says the price as the widget would, from what is typed', () => {
    const ctx = { base: undefined, currency: 'USD', lowestVariant: undefined };
    const fixed = previewService({ ...EMPTY_DRAFT, name: 'Yoga', price: '20', deposit: '5' }, ctx);
    expect(cardPrice(fixed, 'en-US')).to.equal('$20.00');
    expect(cardDeposit(fixed, 'en-US')).to.equal('Deposit $5.00');
    expect(cardPrice(previewService({ ...EMPTY_DRAFT, price: '2' + '0.' }, ctx), 'en-US')).to.equal('');
    expect(cardPrice(previewService({ ...EMPTY_DRAFT, priceKind: 'NO_FEE' }, ctx), 'en-US')).to.equal('Free');
    const varied = previewService({ ...EMPTY_DRAFT, priceKind: 'VARIED', price: '30' }, { ...ctx, lowestVariant: usd('12') });
    expect(cardPrice(varied, 'en-US')).to.equal('from $12.00');
  });
});
