/** The texts of a staff member's linked business account in the Staff view (English). */
export const ACCOUNT_TEXT = {
  account: 'Business account',
  none: 'No business account signs in as this staff member.',
  linkLabel: (name: string) => `Account to link to ${name}`,
  choose: 'Choose an account',
  nowOf: (name: string) => `Now working for ${name}`,
  link: 'Link',
  linking: 'Linking…',
  linked: (email: string, name: string) => `${email} now works on ${name}’s bookings.`,
  chooseFirst: 'Choose an account to link first.',
  unlinkHow: 'A STAFF account always works for one staff member: to unlink it, link it to someone else, or remove it in',
  addHow: 'To give this staff member a sign-in, add a STAFF account for them in',
  settings: 'Settings',
} as const;
