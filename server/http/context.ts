/** What every route plugin is given: the storage, the domain services and the authenticator. */
import type { Storage } from '../storage/types.js';
import type { Authenticator } from './auth.js';
import type { CatalogueService } from '../domain/catalogue.js';

export interface AppContext {
  storage: Storage;
  auth: Authenticator;
  catalogue: CatalogueService;
}
