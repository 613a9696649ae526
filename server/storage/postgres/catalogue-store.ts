/** Services, categories and options-and-variants in PostgreSQL; the row mapping is in service-rows.ts and variant-rows.ts. */
import type { Service, ServiceOptionsAndVariants, Category } from '../../../src/model/service.js';
import type { CatalogueStore } from '../types.js';
import type { PostgresExecutor } from './executor.js';
import { json } from './rows.js';
import {
  INSERT_SERVICE,
  SERVICE_SELECT,
  UPDATE_SERVICE,
  rowToService,
  expectedRevision,
  serviceUpdateValues,
  serviceValues,
  writeServiceLinks,
  type ServiceRow,
} from './service-rows.js';
import { VARIANTS_SELECT, rowToVariants, writeVariantRows, type VariantsRow } from './variant-rows.js';

export class PostgresCatalogueStore implements CatalogueStore {
  constructor(private readonly x: PostgresExecutor) {}

  async listCategories(): Promise<Category[]> {
    const rows = await this.x.query<{ id: string; name: string; sort_order: number }>(
      'SELECT * FROM categories ORDER BY sort_order, name COLLATE "C"',
    );
    return rows.map((r) => ({ id: r.id, name: r.name, sortOrder: r.sort_order }));
  }

  saveCategory(c: Category): Promise<void> {
    return this.x.writeSetup(async () => {
      await this.x.query(
        'INSERT INTO categories (id, name, sort_order) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET name = excluded.name, sort_order = excluded.sort_order',
        [c.id, c.name, c.sortOrder ?? 0],
      );
    });
  }

  async listServices(): Promise<Service[]> {
    return (await this.x.query<ServiceRow>(`${SERVICE_SELECT} ORDER BY s.created_date, s.id COLLATE "C"`)).map(rowToService);
  }

  async getService(id: string): Promise<Service | null> {
    const row = await this.x.one<ServiceRow>(`${SERVICE_SELECT} WHERE s.id = $1`, [id]);
    return row ? rowToService(row) : null;
  }

  insertService(service: Service): Promise<void> {
    return this.x.writeSetup(async () => {
      await this.x.query(INSERT_SERVICE, serviceValues(service));
      await writeServiceLinks(this.x, service);
    });
  }

  updateService(service: Service, expected: string): Promise<boolean> {
    return this.x.writeSetup(async () => {
      const updated = await this.x.query(`${UPDATE_SERVICE} RETURNING id`, serviceUpdateValues(service, expected));
      if (updated.length === 0) return false;
      await writeServiceLinks(this.x, service);
      return true;
    });
  }

  deleteService(id: string): Promise<boolean> {
    return this.x.writeSetup(async () => (await this.x.query('DELETE FROM services WHERE id = $1 RETURNING id', [id])).length > 0);
  }

  async getVariantsByService(serviceId: string): Promise<ServiceOptionsAndVariants | null> {
    const row = await this.x.one<VariantsRow>(`${VARIANTS_SELECT} WHERE o.service_id = $1`, [serviceId]);
    return row ? rowToVariants(row) : null;
  }

  async getVariants(id: string): Promise<ServiceOptionsAndVariants | null> {
    const row = await this.x.one<VariantsRow>(`${VARIANTS_SELECT} WHERE o.id = $1`, [id]);
    return row ? rowToVariants(row) : null;
  }

  async listVariants(): Promise<ServiceOptionsAndVariants[]> {
    return (await this.x.query<VariantsRow>(`${VARIANTS_SELECT} ORDER BY o.created_date, o.id COLLATE "C"`)).map(rowToVariants);
  }

  insertVariants(v: ServiceOptionsAndVariants): Promise<void> {
    return this.x.writeSetup(async () => {
      const now = new Date().toISOString();
      await this.x.query(
        'INSERT INTO service_options_variants (id, service_id, options_json, revision, created_date, updated_date) VALUES ($1, $2, $3, $4, $5, $6)',
        [v.id, v.serviceId, json(v.options.values), Number(v.revision), now, now],
      );
      await writeVariantRows(this.x, v);
    });
  }

  updateVariants(v: ServiceOptionsAndVariants, expected: string): Promise<boolean> {
    return this.x.writeSetup(async () => {
      const updated = await this.x.query(
        'UPDATE service_options_variants SET options_json = $1, revision = $2, updated_date = $3 WHERE id = $4 AND revision = $5 RETURNING id',
        [json(v.options.values), Number(v.revision), new Date().toISOString(), v.id, expectedRevision(expected)],
      );
      if (updated.length === 0) return false;
      await writeVariantRows(this.x, v);
      return true;
    });
  }

  deleteVariants(id: string): Promise<boolean> {
    return this.x.writeSetup(
      async () => (await this.x.query('DELETE FROM service_options_variants WHERE id = $1 RETURNING id', [id])).length > 0,
    );
  }
}
