import { manageMsg } from '../../i18n/manage.js';
import { SlotPicker } from '../slot-picker/slot-picker.js';
import { define } from '../shared/define.js';

/**
 * The reschedule step (contract section 15): the time step's view, worded for moving a booking. Its own element so
 * those words come with the manage chunk, not with the booking path's time step.
 */
export class ReschedulePicker extends SlotPicker {
  protected override rescheduleText(key: 'rescheduleTitle' | 'rescheduling' | 'rescheduleTo'): string {
    return manageMsg(key);
  }
}

define('booking-widget-reschedule-picker', ReschedulePicker);

declare global {
  interface HTMLElementTagNameMap {
    'booking-widget-reschedule-picker': ReschedulePicker;
  }
}
