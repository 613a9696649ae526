/**
 * Durability under kill -9 with the WAL checkpoints in their worker thread from the first commit
 * (server/storage/sqlite/checkpointer.ts), so the kill lands while the worker copies the WAL into the file: every
 * acknowledged booking is still there after a restart, and the file is sound (the scenario: survives-kill.ts).
 */
import { it } from 'node:test';
import { acknowledgedSurviveKill } from './survives-kill.js';

it('every acknowledged booking survives kill -9 while a worker checkpoints the WAL', () =>
  acknowledgedSurviveKill({ CHECKPOINT_AFTER_COMMITS: '1', CHECKPOINT_EVERY_MS: '5' }));
