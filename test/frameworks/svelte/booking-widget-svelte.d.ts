// Svelte 5 sets a custom element's properties when it has them (attributes otherwise) and takes listeners as
// `on` + the event's name; this tells svelte-check and editors what <booking-widget> takes.
import type { HTMLAttributes } from 'svelte/elements';
import type { BookingWidget, BookingWidgetAttributes, BookingWidgetEventProps } from 'booking-widget';

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'booking-widget': HTMLAttributes<BookingWidget> & BookingWidgetAttributes & BookingWidgetEventProps;
  }
}
