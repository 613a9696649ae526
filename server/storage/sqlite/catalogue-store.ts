/** Services, categories and options-and-variants in SQLite; the row mapping is in service-rows.ts and variant-rows.ts. */
import type { Service, ServiceOptionsAndVariants, Category } from '../../../src/model/service.js';
import type { CatalogueStore } from '../types.js';
import { toJson, type SqliteExecutor } from './database.js';
import { prepared } from './statements.js';
import {
  INSERT_SERVICE,
  SERVICE_SELECT,
  UPDATE_SERVICE,
  rowToService,
  serviceColumns,
  writeServiceLinks,
  type ServiceRow,
} from './service-rows.js';
import { rowToVariants, writeVariantRows, type VariantsRow } from './variant-rows.js';

export class SqliteCatalogueStore implements CatalogueStore {
  constructor(private readonly x: SqliteExecutor) {}

  listCategories(): Promise<Category[]> {
    return this.x.exec((db) =>
      (prepared(db, 'SELECT * FROM categories ORDER BY sort_order, name').all() as { id: string; name: string; sort_order: number }[]).map(
        (r) => ({ id: r.id, name: r.name, sortOrder: r.sort_order }),
      ),
    );
  }

  saveCategory(c: Category): Promise<void> {
    return this.x.writeSetup((db) => {
      prepared(
        db,
        'INSERT INTO categories (id, name, sort_order) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, sort_order = excluded.sort_order',
      ).run(c.id, c.name, c.sortOrder ?? 0);
    });
  }

  listServices(): Promise<Service[]> {
    return this.x.exec((db) =>
      (prepared(db, `${SERVICE_SELECT} ORDER BY s.created_date, s.id`).all() as ServiceRow[]).map((r) => rowToService(db, r)),
    );
  }

  getService(id: string): Promise<Service | null> {
    return this.x.exec((db) => {
      const row = prepared(db, `${SERVICE_SELECT} WHERE s.id = ?`).get(id) as ServiceRow | undefined;
      return row ? rowToService(db, row) : null;
    });
  }

  insertService(service: Service): Promise<void> {
    return this.x.writeSetup((db) =>
      db.transaction(() => {
        prepared(db, INSERT_SERVICE).run(serviceColumns(service));
        writeServiceLinks(db, service);
      })(),
    );
  }

  updateService(service: Service, expectedRevision: string): Promise<boolean> {
    return this.x.writeSetup((db) =>
      db.transaction(() => {
        const result = prepared(db, UPDATE_SERVICE).run({ ...serviceColumns(service), expected: Number(expectedRevision) });
        if (result.changes === 0) return false;
        writeServiceLinks(db, service);
        return true;
      })(),
    );
  }

  deleteService(id: string): Promise<boolean> {
    return this.x.writeSetup((db) => prepared(db, 'DELETE FROM services WHERE id = ?').run(id).changes > 0);
  }

  getVariantsByService(serviceId: string): Promise<ServiceOptionsAndVariants | null> {
    return this.x.exec((db) => {
      const row = prepared(db, 'SELECT * FROM service_options_variants WHERE service_id = ?').get(serviceId) as VariantsRow | undefined;
      return row ? rowToVariants(db, row) : null;
    });
  }

  getVariants(id: string): Promise<ServiceOptionsAndVariants | null> {
    return this.x.exec((db) => {
      const row = prepared(db, 'SELECT * FROM service_options_variants WHERE id = ?').get(id) as VariantsRow | undefined;
      return row ? rowToVariants(db, row) : null;
    });
  }

  listVariants(): Promise<ServiceOptionsAndVariants[]> {
    return this.x.exec((db) =>
      (prepared(db, 'SELECT * FROM service_options_variants ORDER BY created_date, id').all() as VariantsRow[]).map((r) =>
        rowToVariants(db, r),
      ),
    );
  }

  insertVariants(v: ServiceOptionsAndVariants): Promise<void> {
    return this.x.writeSetup((db) =>
      db.transaction(() => {
        const now = new Date().toISOString();
        prepared(
          db,
          'INSERT INTO service_options_variants (id, service_id, options_json, revision, created_date, updated_date) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(v.id, v.serviceId, toJson(v.options.values), Number(v.revision), now, now);
        writeVariantRows(db, v);
      })(),
    );
  }

  updateVariants(v: ServiceOptionsAndVariants, expectedRevision: string): Promise<boolean> {
    return this.x.writeSetup((db) =>
      db.transaction(() => {
        const result = prepared(
          db,
          'UPDATE service_options_variants SET options_json = ?, revision = ?, updated_date = ? WHERE id = ? AND revision = ?',
        ).run(toJson(v.options.values), Number(v.revision), new Date().toISOString(), v.id, Number(expectedRevision));
        if (result.changes === 0) return false;
        writeVariantRows(db, v);
        return true;
      })(),
    );
  }

  deleteVariants(id: string): Promise<boolean> {
    return this.x.writeSetup((db) => prepared(db, 'DELETE FROM service_options_variants WHERE id = ?').run(id).changes > 0);
  }
}
