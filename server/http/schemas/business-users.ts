/** Request and response schemas of the business accounts (contract section 12; server/routes/business-users.ts). */
import { Type } from 'typebox';
import { TimestampSchema } from './responses/common.js';

// Roles, emails and password rules are checked by the domain (domain/accounts/account-rules.ts), so a wrong value
// gets a message that says what is allowed; the schemas bound the sizes.
const Email = Type.String({ minLength: 1, maxLength: 320 });
const Role = Type.String({ minLength: 1, maxLength: 20 });
const Password = Type.String({ minLength: 1, maxLength: 200 });
const StaffMemberId = Type.String({ minLength: 1, maxLength: 100 });

export const CreateBusinessUserSchema = Type.Object({
  email: Email,
  role: Role,
  staffMemberId: Type.Optional(StaffMemberId),
  password: Password,
});

export const UpdateBusinessUserSchema = Type.Object({
  email: Type.Optional(Email),
  role: Type.Optional(Role),
  /** null removes the link (moving a STAFF account to OWNER drops it by itself). */
  staffMemberId: Type.Optional(Type.Union([StaffMemberId, Type.Null()])),
  password: Type.Optional(Password),
});

export const ChangePasswordSchema = Type.Object({ currentPassword: Password, newPassword: Password });

export const BusinessUserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: Type.Union([Type.Literal('OWNER'), Type.Literal('STAFF')]),
  staffMemberId: Type.Optional(Type.String()),
  createdDate: TimestampSchema,
  updatedDate: TimestampSchema,
});

export const BusinessUserResponseSchema = Type.Object({ user: BusinessUserSchema });
export const BusinessUsersResponseSchema = Type.Object({ users: Type.Array(BusinessUserSchema) });
