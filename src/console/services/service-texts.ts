/** The services and service views' texts (kept here, not in console/texts.ts, so each view owns its words). */
import type { ServiceType } from '../../model/service.js';
import type { DraftField, PriceKind } from './service-draft.js';

export const TYPE_NAMES: Record<ServiceType, string> = { APPOINTMENT: 'Appointment', CLASS: 'Class', COURSE: 'Course' };

export const PRICE_KIND_NAMES: Record<PriceKind, string> = {
  FIXED: 'Fixed price',
  NO_FEE: 'Free',
  VARIED: 'Varies by option',
  CUSTOM: 'Custom (described)',
};

export const FIELD_LABELS: Record<DraftField, string> = {
  name: 'Name',
  description: 'Description',
  category: 'Category',
  type: 'Type',
  capacity: 'Capacity (people a session)',
  durations: 'Duration (minutes; several: 30, 60)',
  priceKind: 'Price',
  price: 'Price amount',
  deposit: 'Deposit (optional, paid online)',
  manualApproval: 'Requests need my approval',
  staffMemberIds: 'Staff',
  onlineEnabled: 'Bookable online',
  hidden: 'Hidden from the site',
  imageUrl: 'Image URL',
  policyId: 'Booking policy',
};

export const SERVICES_TEXT = {
  listTitle: 'Services',
  newService: 'New service',
  loading: 'Loading services…',
  none: 'No services yet. Add one with New service.',
  hidden: 'Hidden',
  offline: 'Not bookable online',
  free: 'Free',
  varied: 'Price by option',
  count: (n: number) => `${n} service${n === 1 ? '' : 's'}`,
  capacity: (n: number) => `up to ${n}`,
  minutes: (list: number[]) => `${list.join(' or ')} min`,
} as const;

export const SERVICE_TEXT = {
  newTitle: 'New service',
  loading: 'Loading the service…',
  back: 'All services',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  created: 'Created.',
  delete: 'Delete',
  deleteHeading: 'Delete this service?',
  deleteBody: 'It leaves the catalogue for good. A service with bookings cannot be deleted: tick "Hidden from the site" instead.',
  keep: 'Keep it',
  fixHint: 'Some fields need a change; each says what beside it.',
  required: 'Enter a name.',
  whole: 'Enter a whole number, 1 or more.',
  minutes: 'Enter minutes as whole numbers, separated by commas.',
  amount: 'Enter an amount like 25 or 25.50.',
  noStaff: 'No staff members yet.',
  variedNote: 'This price is set by the service’s options and variants, which the console does not edit yet.',
  categoryHint: 'Pick one or type a new one.',
  conflictTitle: 'Someone else saved first',
  conflictBody: 'This service changed while you edited it. Nothing you typed is lost: compare and choose.',
  theirs: 'Saved by someone else',
  yours: 'What you typed',
  field: 'Field',
  keepMine: 'Save mine over theirs',
  useTheirs: 'Use theirs',
  yes: 'Yes',
  no: 'No',
  notFound: 'There is no such service; it may have been deleted.',
} as const;
