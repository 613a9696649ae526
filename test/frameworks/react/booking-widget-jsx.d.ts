// React 19 knows custom elements: this tells TypeScript what <booking-widget> takes in JSX. Attributes by their
// HTML names, and listeners as `on` + the event's name (React 19 adds them with addEventListener).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { BookingWidget, BookingWidgetAttributes, BookingWidgetEventProps } from 'booking-widget';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'booking-widget': DetailedHTMLProps<HTMLAttributes<BookingWidget>, BookingWidget> & BookingWidgetAttributes & BookingWidgetEventProps;
    }
  }
}
