// Import direction, checked by `npm run lint` (dependency-cruiser reads the @app/* paths from
// tsconfig.json, so the rules see which lib a file really imports).
//   apps → domain libs → infrastructure libs; libs never import apps; a lib is used through its
//   index; no cycles; the web app imports nothing of the backend but the translation files.
const DOMAIN = '^libs/(auth|scheduling|registrations|festival|volunteers|privacy|broadcasts)/';
const INFRASTRUCTURE = '^libs/(config|database|queues|events|health|messaging|common|response-cache)/';
const TEST_FILE = '(\\.(spec|int-spec|e2e-spec)\\.ts$|/test/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'libs-not-apps',
      comment: 'A lib never imports an app: apps are assembled from libs, not the other way round.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'infrastructure-not-domain',
      comment: 'Infrastructure (config, database, queues, events, health, messaging, common, response-cache) knows no domain lib.',
      severity: 'error',
      from: { path: INFRASTRUCTURE },
      to: { path: DOMAIN },
    },
    {
      name: 'messaging-through-its-index',
      comment: 'A domain lib uses messaging through @app/messaging, never a file inside it.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: '^libs/messaging/src/', pathNot: '^libs/messaging/src/index\\.ts$' },
    },
    {
      name: 'libs-through-their-index',
      comment: 'One lib uses another only through its public index (@app/<lib>).',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'testing-only-in-tests',
      comment: 'libs/testing (PostgreSQL, Redis, fake gateways) is for tests and test helpers, never production code.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: [TEST_FILE, '^libs/testing/'] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'web-no-backend',
      comment: 'The web app runs in the browser: of the backend it reads only the translation files and the error codes (types).',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: {
        path: '^(libs|apps/(api|worker))/',
        pathNot: ['^libs/messaging/src/templates/', '^libs/common/src/error-code\\.ts$', '^locales/'],
      },
    },
    {
      name: 'web-imports-resolve',
      comment:
        "The web app's imports all resolve here, except @translations/* and @locales/*: apps/web/tsconfig.json maps those aliases onto " +
        'the translation files, which web-no-backend allows by path.',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { couldNotResolve: true, pathNot: '^@(translations|locales)/' },
    },
    {
      name: 'no-circular',
      comment:
        'No import cycles, within a lib or between libs: a cycle makes load order and ownership unclear. ' +
        'TypeORM entities are the exception: both sides of a relation name each other (lazily, in the decorators).',
      severity: 'error',
      from: { pathNot: '\\.entity\\.ts$' },
      to: { circular: true },
    },
    {
      name: 'no-circular-between-libs',
      comment: 'No lib depends, through any chain of files, on a lib that depends on it.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^libs/[^/]+/src$' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|dist-dev|\\.data|\\.tools|\\.test-build)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
    progress: { type: 'none' },
  },
};
