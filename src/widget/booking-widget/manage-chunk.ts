/**
 * What only a returning customer uses: My bookings and a manage link's booking (the rows, their refusals worded in
 * the customer's language), the reschedule step's element, their texts (src/i18n/manage-en.ts) and their calls.
 * Loaded the first time one of those steps shows or one of their calls runs (./late-chunks.ts).
 */
import '../my-bookings/my-bookings.js';
import '../my-bookings/reschedule-picker.js';

export { manageCalls } from '../../flow/manage-calls.js';
