export { participantsOf } from './participants.js';
export { sameChoice, matchVariant, type VariantMatch } from './variants.js';
export {
  basePrice,
  fromPrice,
  depositPerParticipant,
  priceBooking,
  toPriceInfo,
  type PriceLineInput,
  type PricedLine,
  type PriceBreakdown,
  type PriceProblem,
  type PriceResult,
  type PriceInfoAnswer,
} from './price.js';
export {
  paymentTermsOf,
  splitPayment,
  checkoutTotals,
  type PaymentTerms,
  type PaymentSelection,
  type PaymentSplit,
  type PaymentRefusal,
  type SplitResult,
  type PriceToSplit,
  type LineToTotal,
  type CheckoutTotals,
} from './payment.js';
