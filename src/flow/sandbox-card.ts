/**
 * The sandbox provider's card entry: a test card number stands for a sandbox token (as Stripe's test numbers
 * do). A real provider would tokenise the card in its own iframe; the widget never sends a card number.
 */
const TOKENS: Record<string, string> = {
  '4242424242424242': 'tok_visa',
  '4000000000000002': 'tok_declined',
  '4000000000000077': 'tok_async_declined',
};

export const digitsOf = (s: string): string => s.replace(/[\s-]/g, '');

/** The sandbox token for a card number; unknown 16-digit numbers are declined, as a test processor does. */
export function sandboxToken(cardNumber: string): string {
  return TOKENS[digitsOf(cardNumber)] ?? 'tok_declined';
}

export function validateCard(card: {
  number: string;
  expiry: string;
  cvc: string;
}): Partial<Record<'number' | 'expiry' | 'cvc', 'invalidCard' | 'invalidExpiry' | 'invalidCvc'>> {
  const errors: Partial<Record<'number' | 'expiry' | 'cvc', 'invalidCard' | 'invalidExpiry' | 'invalidCvc'>> = {};
  if (!/^\d{16}$/.test(digitsOf(card.number))) errors.number = 'invalidCard';
  if (!/^(0[1-9]|1[0-2])\s*\/\s*\d{2}$/.test(card.expiry.trim())) errors.expiry = 'invalidExpiry';
  if (!/^\d{3,4}$/.test(card.cvc.trim())) errors.cvc = 'invalidCvc';
  return errors;
}
