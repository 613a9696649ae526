/**
 * The texts of a member's account forms (sign up, forgot password, set a new password): kept apart from en.ts so
 * they load with those forms (in their chunk, src/widget/booking-widget/account-chunk.ts), not on the booking path.
 * The login form's buttons that open them are en.ts's. Looked up with accountMsg() (account.ts).
 */
export const accountEn = {
  backToLogIn: 'Back to log in',
  registerTitle: 'Create an account',
  registerSubmit: 'Create account',
  registering: 'Creating your account…',
  newPasswordHint: 'At least 10 characters.',
  passwordTooShort: 'Please use at least 10 characters.',
  registeredNotSignedIn:
    'We could not log you in with this email and password. If the email already has an account, we have emailed it: log in, or use "Forgot password?".',
  forgotTitle: 'Forgot your password?',
  forgotIntro: 'Enter the email of your account. We will email you a link to set a new password.',
  forgotSubmit: 'Email me a link',
  forgotSending: 'Sending…',
  forgotSent: 'If an account exists for {email}, we emailed a link to set a new password. It works once, within an hour.',
  resetTitle: 'Set a new password',
  newPassword: 'New password',
  resetSubmit: 'Save new password',
  resetSaving: 'Saving…',
  passwordSet: 'Your new password is saved. Log in with it when you book.',
  continueToBooking: 'Continue to booking',
} as const;

export type AccountMessageKey = keyof typeof accountEn;
