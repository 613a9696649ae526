// The password-reset email links here with ?reset=<token>: the widget takes it as its reset-token attribute and
// opens "set a new password". The token then leaves the address bar, so it stays out of the history and bookmarks.
// A file, not an inline script, so the page works under a Content-Security-Policy without 'unsafe-inline'.
const token = new URLSearchParams(location.search).get('reset');
if (token) {
  document.getElementById('account').setAttribute('reset-token', token);
  history.replaceState(null, '', location.pathname);
}
