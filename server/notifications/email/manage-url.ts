/**
 * The manage link of contract section 15: the page the server serves at `/manage` opens the booking named by
 * the `token` query parameter (the booking's anonymous token), with its status, Cancel, Reschedule and Add to
 * calendar as its policy allows.
 */
export function manageUrl(baseUrl: string, token: string): string {
  const url = new URL('manage', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  url.searchParams.set('token', token);
  return url.toString();
}
