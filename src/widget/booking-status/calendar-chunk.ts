/**
 * "Add to calendar"'s links, which the booking path does not need until the customer opens it: the event
 * (./calendar-event.ts, src/calendar) and its texts (src/i18n/calendar-en.ts). Loaded by ./add-to-calendar.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { googleCalendarUrl, outlookCalendarUrl } from '../../calendar/calendar-links.js';
import { calendarMsg } from '../../i18n/calendar.js';
import type { Booking } from '../../model/booking.js';
import { calendarEventFor, type CalendarContext } from './calendar-event.js';

/** The list's items: the `.ics` file (when given), Google Calendar and Outlook.com. */
export function calendarLinks(booking: Booking, context: CalendarContext, locale: string, fileUrl: string | undefined): TemplateResult {
  const event = calendarEventFor(booking, context, locale);
  if (!event) return html``;
  const newTab = calendarMsg('newTab');
  return html`${fileUrl ? html`<li><a href=${fileUrl} download="booking.ics" data-calendar="ics">${calendarMsg('icsFile')}</a></li>` : nothing}
    <li>
      <a href=${googleCalendarUrl(event)} target="_blank" rel="noopener noreferrer" data-calendar="google"
        >${calendarMsg('googleCalendar')} <span class="muted">${newTab}</span></a
      >
    </li>
    <li>
      <a href=${outlookCalendarUrl(event)} target="_blank" rel="noopener noreferrer" data-calendar="outlook"
        >${calendarMsg('outlookCom')} <span class="muted">${newTab}</span></a
      >
    </li>`;
}
