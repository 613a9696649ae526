/** The details step: the contact details, "remember me", and the member who signed in. */
import type { ContactDetails } from '../../model/booking.js';
import type { Member } from '../../model/members.js';
import { cleanDetails } from '../details.js';
import type { FlowContext, MemberLoginMode } from '../types.js';

type Args = { context: FlowContext };
type Change = Partial<FlowContext>;

export interface SubmittedDetails {
  details: ContactDetails;
  remember: boolean;
}

/** The host's prefill never overwrites what the customer typed. */
export const prefill = ({ context }: Args, details: ContactDetails): Change => ({
  details: { ...details, ...cleanDetails(context.details) },
});

export const setMemberLogin = (_: unknown, memberLogin: MemberLoginMode): Change => ({ memberLogin });

export const acceptDetails = (_: unknown, { details, remember }: SubmittedDetails): Change => ({
  details: cleanDetails(details),
  remember,
});

/** A refused submit keeps what was typed, so nothing is lost. */
export const keepTypedDetails = (_: unknown, { details, remember }: SubmittedDetails): Change => ({ details, remember });

/** The member's profile fills the fields the customer left empty. */
export const signedIn = ({ context }: Args, member: Member): Change => ({
  member,
  error: undefined,
  details: {
    firstName: member.profile.firstName,
    lastName: member.profile.lastName,
    email: member.loginEmail,
    ...cleanDetails(context.details),
  },
});
