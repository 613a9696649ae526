// The page's button calls the element's show(); the service is chosen by attribute. A file, not an inline
// script, so the page works under a Content-Security-Policy without 'unsafe-inline'.
const popup = document.getElementById('popup');
document.getElementById('open-popup').addEventListener('click', async () => {
  const { services } = await (
    await fetch('/bookings/v2/services/query', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
  ).json();
  popup.setAttribute('service-id', services.find((s) => s.name === 'Personal Training')?.id ?? '');
  popup.show();
});
