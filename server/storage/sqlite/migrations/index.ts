/**
 * Versioned schema migrations for SQLite, one file each, applied in this order. Never edit a released
 * migration: add the next one. Money columns are integer minor units.
 */
import type { Migration } from './migration.js';
import { catalogueMigration } from './001-catalogue.js';
import { bookingsMigration } from './002-bookings.js';
import { historyMigration } from './003-history.js';
import { commerceMigration } from './004-commerce.js';
import { moneyMigration } from './005-money.js';
import { doorsMigration } from './006-doors.js';
import { occupancyMigration } from './007-occupancy.js';
import { occupancyCountsMigration } from './008-occupancy-counts.js';
import { countersMigration } from './009-counters.js';
import { outboxMigration } from './010-outbox.js';
import { notificationsMigration } from './011-notifications.js';
import { businessUsersMigration } from './012-business-users.js';
import { customersMigration } from './013-customers.js';
import { timeOffMigration } from './014-time-off.js';
import { sessionChangesMigration } from './015-session-changes.js';
import { businessSettingsMigration } from './016-business-settings.js';
import { passwordResetsMigration } from './017-password-resets.js';

export type { Migration } from './migration.js';

export const migrations: readonly Migration[] = [
  catalogueMigration,
  bookingsMigration,
  historyMigration,
  commerceMigration,
  moneyMigration,
  doorsMigration,
  occupancyMigration,
  occupancyCountsMigration,
  countersMigration,
  outboxMigration,
  notificationsMigration,
  businessUsersMigration,
  customersMigration,
  timeOffMigration,
  sessionChangesMigration,
  businessSettingsMigration,
  passwordResetsMigration,
];
