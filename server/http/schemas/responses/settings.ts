/** Response schemas of the business's settings (extension; docs/api.md, "Business settings"). */
import { Type } from 'typebox';

const Notifications = Type.Object({ reminderHours: Type.Integer({ minimum: 0, maximum: 336 }), mailFrom: Type.String() });

/** The values in force, and the server's own (the environment's) beneath them. */
export const NotificationSettingsResponseSchema = Type.Object({ notifications: Notifications, defaults: Notifications });

/** The stored origins, and those the environment allows (`*`: any site), which the API cannot change. */
export const WidgetSettingsResponseSchema = Type.Object({
  widget: Type.Object({ allowedOrigins: Type.Array(Type.String()) }),
  environmentOrigins: Type.Union([Type.Literal('*'), Type.Array(Type.String())]),
});
