// A React 19 page with the widget in a popup: attributes in JSX, listeners as `on<event>` props, and the element's
// methods through a ref. docs/frameworks.md walks through it.
import 'booking-widget'; // registers <booking-widget> (the bundle defines it on import)
import { useEffect, useRef, useState } from 'react';
import type { BookingWidget, BookingSummary } from 'booking-widget';

export function BookingPage({ apiBase, email }: { apiBase: string; email?: string }) {
  const widget = useRef<BookingWidget>(null);
  const [booked, setBooked] = useState<BookingSummary>();
  const [problem, setProblem] = useState('');

  // Listeners may also be added through the ref; `e.detail` is typed by the event's name.
  useEffect(() => {
    const element = widget.current;
    if (!element) return;
    const onError = (e: HTMLElementEventMap['booking-error']) => setProblem(e.detail.message);
    element.addEventListener('booking-error', onError);
    return () => element.removeEventListener('booking-error', onError);
  }, []);

  return (
    <section>
      <button type="button" onClick={() => widget.current?.show()}>
        Book a class
      </button>
      <booking-widget
        ref={widget}
        api-base={apiBase}
        client-id="my-site"
        mode="popup"
        theme="auto"
        prefill-email={email}
        onbooking-created={(e) => setBooked(e.detail.summary)}
        onbooking-status-change={(e) => e.detail.booking.status === 'CONFIRMED' && setBooked(e.detail.summary)}
      />
      {booked && (
        <p>
          Booked {booked.serviceName} at {booked.start}
        </p>
      )}
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
