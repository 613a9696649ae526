/**
 * Durability under kill -9 (issue 12): the server is killed with SIGKILL while creates pour in. Every booking it
 * acknowledged (a 200) is there after a restart on the same file, the file passes SQLite's integrity check, and
 * nothing is stored that was not asked for (the scenario: survives-kill.ts).
 */
import { it } from 'node:test';
import { acknowledgedSurviveKill } from './survives-kill.js';

it('every acknowledged booking survives kill -9, and the file stays sound', () => acknowledgedSurviveKill());
