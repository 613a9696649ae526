// Vue 3 knows <booking-widget> is a custom element through `compilerOptions.isCustomElement` (docs/frameworks.md);
// this tells vue-tsc and editors what it takes in templates: its properties, and its events as `@booking-created`.
import type { DefineComponent } from 'vue';
import type { BookingWidget, BookingWidgetEventMap } from 'booking-widget';

/** `booking-created` → `bookingCreated`: Vue's listener prop for `@booking-created` is `onBookingCreated`. */
type Camel<Name extends string> = Name extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : Name;

type BookingWidgetListeners = {
  [Name in keyof BookingWidgetEventMap as `on${Capitalize<Camel<Name>>}`]?: (event: BookingWidgetEventMap[Name]) => void;
};

type BookingWidgetProps = Partial<
  Pick<
    BookingWidget,
    | 'apiBase'
    | 'clientId'
    | 'serviceId'
    | 'categoryId'
    | 'locale'
    | 'timeZone'
    | 'mode'
    | 'open'
    | 'theme'
    | 'memberLogin'
    | 'prefillFirstName'
    | 'prefillLastName'
    | 'prefillEmail'
    | 'prefillPhone'
  >
>;

declare module 'vue' {
  interface GlobalComponents {
    'booking-widget': DefineComponent<BookingWidgetProps & BookingWidgetListeners>;
  }
}
