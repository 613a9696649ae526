/**
 * Public reads of options and variants. A hidden service's variants and prices are as private as the service:
 * only the owner reads them, by id or by query, and everyone else hears "not found" (contract section 2).
 */
import type { Query } from '../../../src/model/common.js';
import type { ServiceOptionsAndVariants } from '../../../src/model/service.js';
import type { Storage } from '../../storage/types.js';
import { notFound } from '../errors.js';
import type { QuerySpec } from '../query.js';
import { runPagedQuery, type PagedResult } from '../cursor-query.js';

export const variantsQuerySpec: QuerySpec<ServiceOptionsAndVariants> = {
  fields: { id: (v) => v.id, serviceId: (v) => v.serviceId },
  defaultSort: { fieldName: 'serviceId', order: 'ASC' },
  defaultLimit: 100,
  maxLimit: 100,
};

/** The ids of services a caller may see; null for the owner, who sees all. */
async function visibleServiceIds(storage: Storage, asOwner: boolean): Promise<Set<string> | null> {
  if (asOwner) return null;
  return new Set((await storage.catalogue.listServices()).filter((s) => !s.hidden).map((s) => s.id));
}

export async function visibleVariants(storage: Storage, id: string, asOwner: boolean): Promise<ServiceOptionsAndVariants> {
  const variants = await storage.catalogue.getVariants(id);
  const visible = await visibleServiceIds(storage, asOwner);
  if (!variants || (visible && !visible.has(variants.serviceId))) throw notFound('Service options and variants', id);
  return variants;
}

export async function queryVisibleVariants(
  storage: Storage,
  query: Query | undefined,
  asOwner: boolean,
): Promise<PagedResult<ServiceOptionsAndVariants>> {
  const visible = await visibleServiceIds(storage, asOwner);
  const all = await storage.catalogue.listVariants();
  return runPagedQuery(visible ? all.filter((v) => visible.has(v.serviceId)) : all, query, variantsQuerySpec);
}
