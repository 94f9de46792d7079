/**
 * The layering of docs/architecture.md, enforced by allow-list: each layer lists the folders
 * and npm packages it may import, and anything else fails `npm run lint` (as VS Code's
 * `code-import-patterns` do). A few forbidden rules add what an allow-list cannot say (no
 * cycles, renderer features apart, the core's inner layers). test/unit/lint/layering.test.ts
 * plants a violation of each rule in a scratch copy of the tree and checks that it fails.
 */

/** Node's built-in modules (`node:fs`…): dependency-cruiser calls them "core". */
const NODE = { dependencyTypes: ['core'] };
const pkgs = (...names) => names.map((n) => `(^|/)node_modules/${n.replace(/[.+]/g, '\\$&')}/`);

module.exports = {
  allowedSeverity: 'error',
  allowed: [
    {
      comment: 'src-shared runs everywhere (renderer, core, portal): pure TypeScript, zod and time zones.',
      from: { path: '^src-shared/' },
      to: { path: ['^src-shared/', ...pkgs('zod', '@date-fns/tz', 'i18next')] },
    },
    {
      comment: 'The renderer talks to the core only through invoke/on: src-shared and browser packages.',
      from: { path: '^src-renderer/' },
      to: {
        path: [
          '^src-renderer/',
          '^src-shared/',
          ...pkgs('react', 'react-dom', 'react-router', 'react-hook-form', '@hookform/resolvers', 'react-aria-components',
            '@internationalized/date', '@internationalized/number', 'i18next', 'react-i18next', 'leaflet', 'zod', '@date-fns/tz'),
        ],
      },
    },
    {
      comment: 'The charter screens show an amendment as a diff of words (diff, a pure library).',
      from: { path: '^src-renderer/features/charter/' },
      to: { path: pkgs('diff') },
    },
    {
      comment: 'The Citizen Card check-in reads confirmations\' QR codes with the camera (only that feature).',
      from: { path: '^src-renderer/features/citizen-card/' },
      to: { path: pkgs('@zxing/library') },
    },
    {
      comment: 'The core: its own folders, src-shared, the database types and migrations, storage and file libraries.',
      from: { path: '^src-main/core/' },
      to: {
        path: [
          '^src-main/core/',
          '^src-shared/',
          '^db/schema\\.ts$',
          '^db/migrations/',
          '^db/migration-runner\\.ts$',
          ...pkgs('kysely', 'pino', 'rotating-file-stream', 'pdf-lib', '@pdf-lib/fontkit', 'bidi-js', 'regenerator-runtime', 'exceljs', 'i18next', 'zod'),
          // Issue 10: the Citizen Card confirmations' QR codes (drawn as vector squares into the PDF).
          ...pkgs('qrcode'),
          // …checked with the desk's own decoder before they are printed (readable-qr.ts).
          ...pkgs('@zxing/library'),
          // Issue 10: the City's file of Citizen Card holders (CSV, quoted fields) read by holder-import.ts.
          // (its `csv-parse/sync` entry is an exports-map subpath the resolver leaves by name).
          ...pkgs('csv-parse'),
          '^csv-parse/sync$',
          // Issue 9: the local database only through the encrypting build of better-sqlite3 (SQLCipher
          // format; plain better-sqlite3 is the portal's), and the passphrase's key (Argon2id).
          ...pkgs('better-sqlite3-multiple-ciphers', 'argon2'),
          // Issue 10: the charter's opinion groups (dimension reduction, then clustering).
          ...pkgs('ml-pca', 'ml-kmeans'),
        ],
      },
    },
    { from: { path: '^src-main/core/' }, to: NODE },
    {
      comment: 'The web host: the core (through its client), src-shared, Fastify.',
      from: { path: '^src-main/web/' },
      to: { path: ['^src-main/web/', '^src-main/core/', '^src-shared/', ...pkgs('fastify', '@fastify/cookie', '@fastify/static', 'open')] },
    },
    { from: { path: '^src-main/web/' }, to: NODE },
    {
      comment: 'The Electron host: the only layer that imports electron.',
      from: { path: '^src-main/electron/' },
      to: { path: ['^src-main/electron/', '^src-main/core/', '^src-shared/', ...pkgs('electron')] },
    },
    { from: { path: '^src-main/electron/' }, to: NODE },
    { comment: 'The build-time version stamp.', from: { path: '^src-main/' }, to: { path: '^src-main/app-version\\.d\\.ts$' } },
    {
      comment: 'The portal is its own server: src-shared, its own migrations and schema, Fastify, Kysely, pg.',
      from: { path: '^src-portal/' },
      to: {
        path: [
          '^src-portal/',
          '^src-shared/',
          '^db/portal/',
          '^db/migration-runner\\.ts$',
          ...pkgs('fastify', 'fastify-type-provider-zod', '@fastify/swagger', '@fastify/rate-limit', 'kysely', 'better-sqlite3', 'pg', 'pino', 'zod'),
        ],
      },
    },
    { from: { path: '^src-portal/' }, to: NODE },
    {
      comment: 'Migrations are frozen in time: Kysely and nothing of the app.',
      from: { path: '^db/(migrations|portal)/' },
      to: { path: ['^db/(migrations|portal)/', ...pkgs('kysely')] },
    },
    {
      comment: 'The runner that applies every pending migration in one transaction (laptop and portal).',
      from: { path: '^db/migration-runner\\.ts$' },
      to: { path: pkgs('kysely') },
    },
    {
      comment: 'The database types may name the shared enums (types only).',
      from: { path: '^db/schema\\.ts$' },
      to: { path: ['^src-shared/', ...pkgs('kysely')] },
    },
  ],
  forbidden: [
    {
      name: 'core-store-knows-no-domain',
      comment: 'The store (funnel, codecs, outbox, migrations) is what every domain builds on: it imports none of them.',
      severity: 'error',
      from: { path: '^src-main/core/store/' },
      to: { path: '^src-main/core/[^/]+/', pathNot: '^src-main/core/store/' },
    },
    {
      name: 'core-sync-knows-no-domain',
      comment: 'The sync client works from the registry of codecs (synced-tables.ts) and the store, never a domain.',
      severity: 'error',
      from: { path: '^src-main/core/sync/' },
      to: { path: '^src-main/core/[^/]+/', pathNot: '^src-main/core/(sync|store)/' },
    },
    {
      name: 'core-domains-apart',
      comment: "A domain reads another's rows through its repository or codec, never through its service or handlers.",
      severity: 'error',
      from: { path: '^src-main/core/([^/]+)/' },
      to: { path: '^src-main/core/[^/]+/[^/]+\\.(service|handlers)\\.ts$', pathNot: '^src-main/core/$1/' },
    },
    {
      name: 'core-shared-infrastructure-knows-no-domain',
      comment: 'The PDF writer is shared by every domain that prints: it imports none of them.',
      severity: 'error',
      from: { path: '^src-main/core/pdf/' },
      to: { path: '^src-main/core/[^/]+/', pathNot: '^src-main/core/pdf/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'renderer-features-apart',
      comment: 'A renderer feature never imports another: shared parts move to components/ or app/.',
      severity: 'error',
      from: { path: '^src-renderer/features/([^/]+)/' },
      to: { path: '^src-renderer/features/', pathNot: '^src-renderer/features/$1/' },
    },
    {
      name: 'shared-packages-pure',
      comment: 'src-shared may import zod, time zones and i18next only as values usable everywhere (checked by the allow-list); never a type-only import of a host package either.',
      severity: 'error',
      from: { path: '^src-shared/' },
      to: { dependencyTypes: ['type-only'], path: '(^|/)node_modules/', pathNot: pkgs('zod', '@date-fns/tz', 'i18next') },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^out/|\\.test\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.node.json' },
    tsPreCompilationDeps: true,
    // exportsFields: packages that name their entry only in `exports` (ml-kmeans) resolve too.
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'], exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
