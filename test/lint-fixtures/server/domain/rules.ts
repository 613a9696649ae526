// Breaks domain-not-to-http and domain-not-to-sqlite.
import { route } from '../http/route.js';
import { table } from '../storage/sqlite/table.js';
export const decide = () => [route, table];
