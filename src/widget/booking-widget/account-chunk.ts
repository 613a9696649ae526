/**
 * A member's account forms, which the booking path does not need: "Create an account" and "Forgot password?" (in
 * place of the details step's login, when asked for) and the set-a-new-password step of a reset link, with their
 * texts (src/i18n/account-en.ts). Loaded the first time one shows (./chunks.ts).
 */
import '../member-account/member-forms.js';
import '../member-account/reset-password.js';
