/** The fields a services query may filter and sort on (contract section 1), and its paging defaults. */
import type { Service } from '../../../src/model/service.js';
import type { QuerySpec } from '../query.js';

export const serviceQuerySpec: QuerySpec<Service> = {
  fields: {
    id: (s) => s.id,
    type: (s) => s.type,
    name: (s) => s.name,
    hidden: (s) => s.hidden ?? false,
    'category.id': (s) => s.category?.id,
    'category.name': (s) => s.category?.name,
    staffMemberIds: (s) => s.staffMemberIds,
    'payment.rateType': (s) => s.payment.rateType,
    'payment.options.online': (s) => s.payment.options.online,
    'payment.options.inPerson': (s) => s.payment.options.inPerson,
    'payment.options.pricingPlan': (s) => s.payment.options.pricingPlan,
    'payment.pricingPlanIds': (s) => s.payment.pricingPlanIds,
    'onlineBooking.enabled': (s) => s.onlineBooking.enabled,
    'schedule.id': (s) => s.schedule.id,
    defaultCapacity: (s) => s.defaultCapacity,
    createdDate: (s) => s.createdDate,
    updatedDate: (s) => s.updatedDate,
  },
  defaultSort: { fieldName: 'createdDate', order: 'ASC' },
  defaultLimit: 100,
  maxLimit: 100,
};
