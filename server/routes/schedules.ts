/**
 * The owner's schedule endpoints (extension): staff members with working hours (after Wix Staff Members),
 * session rules of classes and courses and cancelling one session (after Wix Calendar events). All owner-only;
 * the business's details (Wix Site Properties) are in routes/settings.ts.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.js';
import type { StaffMember } from '../../src/model/business.js';
import { CountRequestSchema, IdParamsSchema, PagedQueryRequestSchema } from '../http/schemas/common.js';
import { compileFilter, type QuerySpec } from '../domain/query.js';
import { runPagedQuery } from '../domain/cursor-query.js';
import { sessionRoutes } from './sessions.js';
import {
  CreateSessionRuleRequestSchema,
  CreateStaffRequestSchema,
  UpdateSessionRuleRequestSchema,
  UpdateStaffRequestSchema,
} from '../http/schemas/availability.js';
import { answers, EmptySchema, QueryPagingMetadataSchema } from '../http/schemas/responses/common.js';
import {
  SessionRuleResponseSchema,
  SessionRulesResponseSchema,
  StaffMemberResponseSchema,
  StaffMembersResponseSchema,
} from '../http/schemas/responses/business.js';

const staffQuerySpec: QuerySpec<StaffMember> = {
  fields: {
    id: (m) => m.id,
    name: (m) => m.name,
    email: (m) => m.email,
    createdDate: (m) => m.createdDate,
    updatedDate: (m) => m.updatedDate,
  },
  defaultSort: { fieldName: 'createdDate', order: 'ASC' },
  defaultLimit: 50,
  maxLimit: 100,
};

const StaffQueryResponseSchema = Type.Object({
  staffMembers: StaffMembersResponseSchema.properties.staffMembers,
  pagingMetadata: QueryPagingMetadataSchema,
});

export const scheduleRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const admin = ctx.schedule;
  // Authenticate in onRequest, so a caller without the key hears 401 before any body check.
  app.addHook('onRequest', async (request) => ctx.auth.requireOwner(request));

  app.get('/bookings/v1/staff-members', { schema: { response: answers(StaffMembersResponseSchema) } }, async () => ({
    staffMembers: await ctx.storage.staff.list(),
  }));
  // Wix's Query Staff Members (by cursor, as Wix) and Count Staff Members.
  app.post(
    '/bookings/v1/staff-members/query',
    { schema: { body: Type.Optional(PagedQueryRequestSchema), response: answers(StaffQueryResponseSchema) } },
    async (request) => {
      const { items, pagingMetadata } = runPagedQuery(await ctx.storage.staff.list(), request.body?.query, staffQuerySpec);
      return { staffMembers: items, pagingMetadata };
    },
  );
  app.post(
    '/bookings/v1/staff-members/count',
    { schema: { body: Type.Optional(CountRequestSchema), response: answers(Type.Object({ count: Type.Integer({ minimum: 0 }) })) } },
    async (request) => {
      const matches = compileFilter(request.body?.filter, staffQuerySpec);
      return { count: (await ctx.storage.staff.list()).filter(matches).length };
    },
  );
  app.post(
    '/bookings/v1/staff-members',
    { schema: { body: CreateStaffRequestSchema, response: answers(StaffMemberResponseSchema) } },
    async (request) => ({
      staffMember: await admin.createStaff(request.body.staffMember),
    }),
  );
  app.get(
    '/bookings/v1/staff-members/:id',
    { schema: { params: IdParamsSchema, response: answers(StaffMemberResponseSchema) } },
    async (request) => ({
      staffMember: await admin.getStaff(request.params.id),
    }),
  );
  app.patch(
    '/bookings/v1/staff-members/:id',
    { schema: { params: IdParamsSchema, body: UpdateStaffRequestSchema, response: answers(StaffMemberResponseSchema) } },
    async (request) => ({
      staffMember: await admin.updateStaff(request.params.id, request.body.staffMember),
    }),
  );
  app.delete('/bookings/v1/staff-members/:id', { schema: { params: IdParamsSchema, response: answers(EmptySchema) } }, async (request) => {
    await admin.deleteStaff(request.params.id);
    return {};
  });

  app.get(
    '/calendar/v3/session-rules',
    {
      schema: {
        querystring: Type.Object({ serviceId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) }),
        response: answers(SessionRulesResponseSchema),
      },
    },
    async (request) => ({
      sessionRules: await ctx.storage.schedules.listRules(request.query.serviceId ? { serviceId: request.query.serviceId } : {}),
    }),
  );
  app.post(
    '/calendar/v3/session-rules',
    { schema: { body: CreateSessionRuleRequestSchema, response: answers(SessionRuleResponseSchema) } },
    async (request) => ({
      sessionRule: await admin.createRule(request.body.sessionRule),
    }),
  );
  app.get(
    '/calendar/v3/session-rules/:id',
    { schema: { params: IdParamsSchema, response: answers(SessionRuleResponseSchema) } },
    async (request) => ({
      sessionRule: await admin.getRule(request.params.id),
    }),
  );
  app.patch(
    '/calendar/v3/session-rules/:id',
    { schema: { params: IdParamsSchema, body: UpdateSessionRuleRequestSchema, response: answers(SessionRuleResponseSchema) } },
    async (request) => ({
      sessionRule: await admin.updateRule(request.params.id, request.body.sessionRule),
    }),
  );
  app.delete('/calendar/v3/session-rules/:id', { schema: { params: IdParamsSchema, response: answers(EmptySchema) } }, async (request) => {
    await admin.deleteRule(request.params.id);
    return {};
  });

  // One session: cancel with its bookings, restore, list, move (routes/sessions.ts), owner-only by the hook above.
  await app.register(sessionRoutes, { ctx });
};
