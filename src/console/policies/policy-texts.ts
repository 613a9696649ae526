/** The Policies and Policy views' words (kept here, not in console/texts.ts, so each view owns its words). */
import type { PolicyField } from './policy-draft.js';
import type { Unit } from './policy-units.js';

export const UNIT_NAMES: Record<Unit, string> = { minutes: 'minutes', hours: 'hours', days: 'days' };

export const POLICY_LABELS: Record<PolicyField, string> = {
  name: 'Name',
  earlyOn: 'Limit how far ahead customers can book',
  early: 'Book at most',
  earlyUnit: 'Unit',
  lateOn: 'Limit how late customers can book',
  late: 'Book at least',
  lateUnit: 'Unit',
  afterStart: 'Customers may book after a session starts',
  cancelOn: 'Customers may cancel online',
  cancelLimit: 'Only until a set time before the start',
  cancel: 'Cancel up to',
  cancelUnit: 'Unit',
  cancelAnonymous: 'Also customers who booked without an account',
  rescheduleOn: 'Customers may reschedule online',
  rescheduleLimit: 'Only until a set time before the start',
  reschedule: 'Reschedule up to',
  rescheduleUnit: 'Unit',
  rescheduleAnonymous: 'Also customers who booked without an account',
  waitlistOn: 'Waiting list when a session is full',
  waitlistCapacity: 'Places on the waiting list',
  waitlistHold: 'A freed spot is held for',
  waitlistHoldUnit: 'Unit',
  maxParticipants: 'People in one booking, at most',
  maxUnpaid: 'Unpaid bookings one customer may hold in one session',
  descriptionOn: 'Show a policy text to customers',
  description: 'Policy text',
};

export const POLICIES_TEXT = {
  listTitle: 'Booking policies',
  newPolicy: 'New policy',
  loading: 'Loading policies…',
  none: 'No policies yet. Add one with New policy.',
  count: (n: number) => `${n} polic${n === 1 ? 'y' : 'ies'}`,
  defaultMark: 'Default',
  usedBy: (names: string[]) => (names.length === 0 ? 'Used by no service' : `Used by ${names.join(', ')}`),
} as const;

export const POLICY_TEXT = {
  newTitle: 'New policy',
  loading: 'Loading the policy…',
  back: 'All policies',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  created: 'Created.',
  defaultNote: 'This is the default policy: new services get it, and services of a deleted policy move to it.',
  makeDefault: 'Make default',
  madeDefault: 'This is now the default policy.',
  delete: 'Delete',
  deleteHeading: 'Delete this policy?',
  deleteBody: (n: number) =>
    n === 0
      ? 'No service uses it.'
      : n === 1
        ? 'The service using it moves to the default policy.'
        : `The ${n} services using it move to the default policy.`,
  keep: 'Keep it',
  booking: 'Booking window',
  cancelling: 'Cancelling',
  rescheduling: 'Rescheduling',
  waitlist: 'Waiting list',
  participants: 'Participants and per-customer limits',
  description: 'Policy text',
  ahead: 'ahead',
  before: 'before the start',
  unpaidHint: 'Blank: 3. Paid bookings do not count.',
  usedBy: 'Used by',
  usedByHint: 'Saving moves each ticked service to this policy, and each unticked one back to the default policy.',
  defaultUsedHint: 'To move a service off the default policy, tick it on another policy.',
  noServices: 'No services yet.',
  moved: (n: number) => `${n} service${n === 1 ? '' : 's'} moved.`,
  notMoved: 'Some services were not changed (what you ticked is kept; Save tries again):',
  fixHint: 'Some fields need a change; each says what beside it.',
  required: 'Enter a name.',
  whole: 'Enter a whole number, 0 or more.',
  atLeastOne: 'Enter a whole number, 1 or more.',
  conflictTitle: 'Someone else saved first',
  conflictBody: 'This policy changed while you edited it. Nothing you typed is lost: compare and choose.',
  theirs: 'Saved by someone else',
  yours: 'What you typed',
  field: 'Field',
  keepMine: 'Save mine over theirs',
  useTheirs: 'Use theirs',
  yes: 'Yes',
  no: 'No',
  off: 'Off',
  notFound: 'There is no such policy; it may have been deleted.',
} as const;
