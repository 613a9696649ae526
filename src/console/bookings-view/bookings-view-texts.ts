/** The bookings view's filters, search, count and paging, in words (kept apart from texts.ts, which every view edits). */
export const FILTER_TEXT = {
  filtersLabel: 'Filter bookings',
  service: 'Service',
  allServices: 'All services',
  staff: 'Staff member',
  allStaff: 'All staff',
  from: 'From',
  to: 'To',
  search: 'Customer name or email',
  clear: 'Clear filters',
  loadMore: 'Load more',
  loadingMore: 'Loading more…',
  noMatch: 'No bookings match these filters.',
  count: (shown: number, total: number) =>
    shown < total ? `Showing ${shown} of ${total} bookings.` : `${shown} booking${shown === 1 ? '' : 's'}.`,
} as const;
