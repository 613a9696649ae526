/**
 * The member account chunk, loaded on demand: the sign-up and forgot-password forms (when the customer opens one
 * on the details step) and the "set a new password" step (when the widget is opened with a reset link).
 */
import './member-forms.js';
import './reset-password.js';
