// The manage link in every customer email (contract section 15) opens /manage?token=<anonymous booking token>:
// the widget takes it as its booking-token attribute and opens that booking. The token then leaves the address
// bar, so it stays out of the history, bookmarks and screenshots. A file, not an inline script, for the strict CSP.
const token = new URLSearchParams(location.search).get('token');
if (token) {
  document.getElementById('manage').setAttribute('booking-token', token);
  history.replaceState(null, '', location.pathname);
} else {
  // No link token: the customer's bookings kept on this device (or a member's, once logged in).
  document.getElementById('manage').setAttribute('view', 'my-bookings');
}
