/** The owner's list of staff members (`GET /bookings/v1/staff-members`): the console's staff filter. */
import type { StaffMember } from '../model/business.js';
import type { Transport } from './transport.js';

export function staffCalls(t: Transport) {
  return {
    staffMembers: {
      listStaffMembers: () => t.request<{ staffMembers: StaffMember[] }>('GET', '/bookings/v1/staff-members').then((r) => r.staffMembers),
    },
  };
}
