/**
 * The shared rules' tables, run by the server's tests (test/server/rules-*.test.ts) and the widget's
 * (test/browser/rules/): the same rows, the same answers.
 */
export * from './factories.js';
export * from './price-rows.js';
export * from './policy-rows.js';
