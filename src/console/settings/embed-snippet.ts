/** The widget's embed code for a server (docs/widget.md, "Embedding"): one classic script and one element. */
export function embedSnippet(origin: string, clientId = 'my-site'): string {
  const base = origin.replace(/\/+$/, '');
  return (
    `<script src="${base}/widget/booking-widget.iife.js" defer></script>\n` +
    `<booking-widget api-base="${base}" client-id="${clientId}"></booking-widget>`
  );
}
