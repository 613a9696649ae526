/** The texts of the settings' business hours, notifications and widget sections (English). */
export const MORE_TEXT = {
  loading: 'Loading…',
  save: 'Save',
  saving: 'Saving…',
  fixFields: 'Check the fields marked below, then press Save again.',
  conflict:
    'Someone else saved these details meanwhile. Their values are shown beside your typing, which is kept: press Save again to keep yours.',
  theirs: (value: string) => `Saved meanwhile by someone else: “${value}”.`,
  theirHours: (summary: string) => `Saved meanwhile by someone else: ${summary}.`,
  hoursTitle: 'Business hours, currency and contact',
  hoursIntro:
    'When the business is open, in its time zone. A new staff member starts with these hours in their form; each staff member’s own working hours decide when they can be booked.',
  hoursLegend: 'Business hours',
  currency: 'Currency',
  currencyHint:
    'An ISO 4217 code such as USD or EUR. Prices keep their numbers in the new currency (25.00 USD becomes 25.00 EUR). It cannot change while upcoming bookings of priced services are unpaid, nor to a currency with other decimal places (like JPY from USD).',
  businessEmail: 'Business email',
  phone: 'Phone',
  street: 'Street',
  city: 'City',
  zip: 'Postal code',
  country: 'Country',
  detailsSaved: 'Business hours, currency and contact saved.',
  notificationsTitle: 'Reminders and email sender',
  notificationsIntro: 'Leave a field empty to use the server’s default, set where the server starts (REMINDER_HOURS, MAIL_FROM).',
  reminderHours: 'Reminder, hours before the start',
  reminderHint: (d: number) => `0 sends no reminders; at most 336 (two weeks). Server default: ${d}.`,
  mailFrom: 'Emails are sent from',
  mailFromHint: (d: string) => `A name and address, like Studio <bookings@studio.example>. Server default: ${d}.`,
  notificationsSaved: 'Saved: the next emails use these settings.',
  wholeNumber: 'Must be a whole number of hours.',
  widgetTitle: 'Sites that may use the widget',
  anySite:
    'This server lets any site call it (BOOKINGS_ALLOWED_ORIGINS is * or not set): the list below takes effect once the server is started with a list of its own.',
  fromServer: 'Allowed where the server starts (BOOKINGS_ALLOWED_ORIGINS, read-only here):',
  noneFromServer: 'The server’s start-up setting allows no site of its own.',
  originsLabel: 'Your sites, one per line',
  originsHint: 'Each as https://host or https://host:port (http:// only for localhost). A site added here can use the widget at once.',
  originLine: (n: number, text: string) => `Site ${n}: ${text}`,
  originsSaved: 'Saved: these sites can use the widget now.',
  embedTitle: 'Embed code',
  embedFor: (site: string) =>
    `For pages on ${site} (the first site allowed). The code always loads the widget from this server; paste it on any page of an allowed site.`,
  embedForConsole: (site: string) =>
    `No site is listed yet, so this is the code for this server’s own address (${site}). Add your site above so its pages may call the server.`,
} as const;
