/** The owner's staff members (`/bookings/v1/staff-members`): the console's staff filter and its Staff view. */
import type { StaffMember, TimeOff, WorkingHours } from '../model/business.js';
import type { Transport } from './transport.js';

/** What the owner may set on a staff member (the server's `StaffFieldsSchema`). */
export interface StaffFields {
  name: string;
  email?: string;
  workingHours?: WorkingHours[];
  timeOff?: TimeOff[];
}

const enc = encodeURIComponent;

export function staffCalls(t: Transport) {
  return {
    staffMembers: {
      listStaffMembers: () => t.request<{ staffMembers: StaffMember[] }>('GET', '/bookings/v1/staff-members').then((r) => r.staffMembers),
      getStaffMember: (id: string) =>
        t.request<{ staffMember: StaffMember }>('GET', `/bookings/v1/staff-members/${enc(id)}`).then((r) => r.staffMember),
      createStaffMember: (staffMember: StaffFields) =>
        t.request<{ staffMember: StaffMember }>('POST', '/bookings/v1/staff-members', { body: { staffMember } }).then((r) => r.staffMember),
      /** Saved only over `revision`; someone else's save first answers 409 REVISION_MISMATCH. */
      updateStaffMember: (id: string, staffMember: Partial<StaffFields> & { revision: string }) =>
        t
          .request<{ staffMember: StaffMember }>('PATCH', `/bookings/v1/staff-members/${enc(id)}`, { body: { staffMember } })
          .then((r) => r.staffMember),
      deleteStaffMember: (id: string) => t.request<Record<string, never>>('DELETE', `/bookings/v1/staff-members/${enc(id)}`),
    },
  };
}
