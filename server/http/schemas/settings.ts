/** Request schemas of the business's settings (extension; docs/api.md, "Business settings"). */
import { Type } from 'typebox';

const Text = (maxLength: number) => Type.String({ maxLength });
// The same names as WIX_DAYS (src/model/business-settings.ts), listed as a tuple so the type stays exact.
const Day = Type.Enum(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const);
const Time = Type.String({ maxLength: 5, description: 'HH:MM, 24:00 for the end of the day' });

/** Wix Site Properties' `businessSchedule`: the opening periods of a week. */
export const BusinessScheduleSchema = Type.Object({
  periods: Type.Array(Type.Object({ openDay: Day, openTime: Time, closeDay: Day, closeTime: Time }), { maxItems: 100 }),
});

/** Wix Site Properties' `address`, the parts we keep. */
export const BusinessAddressSchema = Type.Object({
  street: Type.Optional(Text(200)),
  city: Type.Optional(Text(100)),
  zip: Type.Optional(Text(20)),
  state: Type.Optional(Text(100)),
  country: Type.Optional(Text(100)),
});

/** `PATCH /business/v1/settings/notifications`: a value overrides the server's default; `null` goes back to it. */
export const UpdateNotificationSettingsSchema = Type.Object({
  reminderHours: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 336 }), Type.Null()])),
  mailFrom: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
});

/** `PATCH /business/v1/settings/widget`: the stored allowed origins, replaced as a whole. */
export const UpdateWidgetSettingsSchema = Type.Object({
  allowedOrigins: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 50 }),
});
