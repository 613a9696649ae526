/** The notifications view's texts (kept out of console/texts.ts, which other views edit). */
export const NOTIFICATIONS_TEXT = {
  title: 'Notifications',
  /** The sidebar link with the open count: seen as "Notifications (2)", heard as "Notifications, 2 to resolve". */
  linkCount: (n: number) => `(${n})`,
  linkName: (n: number) => `Notifications, ${n} to resolve`,
  intro: 'Double bookings to resolve, newest first: move one booking to a time with room, or cancel or decline one.',
  loading: 'Loading notifications…',
  empty: 'Nothing to resolve. A double booking appears here as soon as one happens.',
  openTitle: 'To resolve',
  resolvedTitle: 'Resolved',
  resolved: 'Resolved',
  flag: 'Double booked: over the slot’s capacity',
  alsoHere: 'Also in this slot:',
  openBooking: 'Open booking',
  gone: 'This booking could not be read.',
  liveOn: 'Live: new double bookings appear here as they happen.',
  liveOff: 'Live updates paused; reconnecting…',
} as const;
