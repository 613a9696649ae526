/**
 * The layers and the direction of their dependencies (docs/architecture.md), checked in `npm run lint`.
 * src/ is shared by the widget, the console and the server, so it never reaches into server/; the server's
 * domain knows neither HTTP nor SQL; storage knows the model, not the domain's services.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'src-not-to-server',
      comment: 'src/ (model, rules, client, widget) is shared with browsers: it never imports the server.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^server/' },
    },
    {
      name: 'domain-not-to-http',
      comment: 'The domain owns its commands and errors; the HTTP layer adapts to it, not the other way round.',
      severity: 'error',
      from: { path: '^server/domain/' },
      to: { path: '^server/(http|routes)/' },
    },
    {
      name: 'domain-not-to-sqlite',
      comment: 'The domain talks to storage through its interfaces (server/storage/types.ts), never to SQLite.',
      severity: 'error',
      from: { path: '^server/domain/' },
      to: { path: '^server/storage/sqlite/' },
    },
    {
      name: 'storage-not-to-domain',
      comment: 'Storage keeps rows; rules live in the domain and in src/ (which storage may use).',
      severity: 'error',
      from: { path: '^server/storage/' },
      to: { path: '^server/domain/' },
    },
    {
      name: 'widget-through-flow',
      comment: 'Elements render state and send events: the flow machine talks to the API and the store.',
      severity: 'error',
      from: { path: '^src/widget/' },
      to: { path: '^src/(api|store)/' },
    },
    {
      name: 'console-on-shared-layers',
      comment: "The console uses the model, the rules, the client and i18n; the widget's flow, store and elements are the widget's.",
      severity: 'error',
      from: { path: '^src/console/' },
      to: { path: '^src/(widget|flow|store)/' },
    },
    {
      name: 'nothing-imports-console',
      comment: 'The console is a leaf: only its bundle entry (src/booking-console.ts) may import it.',
      severity: 'error',
      from: { path: '^(src|server)/', pathNot: '^(src/console/|src/booking-console\\.ts$)' },
      to: { path: '^src/console/' },
    },
    {
      name: 'no-circular',
      comment: 'Modules that need each other are one module, or want a third.',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|dist-server)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: require('node:path').join(__dirname, 'tsconfig.test.json') },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs'],
    },
  },
};
