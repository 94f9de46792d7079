/**
 * The layering of ARCHITECTURE.md, enforced: `npm run lint` fails on any of these.
 * src-shared is the common layer; each environment imports it, never the other way round.
 */

module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'src-shared runs everywhere: no Node built-ins, no electron, no React, no app layer.',
      severity: 'error',
      from: { path: '^src-shared/' },
      to: { path: ['^src-main/', '^src-renderer/', '^src-portal/', '^db/', 'node_modules/(electron|react|react-dom)/'] },
    },
    {
      name: 'shared-no-node-builtins',
      severity: 'error',
      from: { path: '^src-shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-imports-only-shared',
      comment: 'The renderer talks to the core only through invoke/on.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: ['^src-main/', '^src-portal/', '^db/', 'node_modules/electron/'] },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'only-electron-folder-imports-electron',
      severity: 'error',
      from: { pathNot: '^src-main/electron/' },
      to: { path: 'node_modules/electron/' },
    },
    {
      name: 'core-knows-no-host',
      comment: 'The core has no idea which host it runs under.',
      severity: 'error',
      from: { path: '^src-main/core/' },
      to: { path: ['^src-main/electron/', '^src-main/web/', '^src-renderer/', '^src-portal/'] },
    },
    {
      name: 'hosts-are-separate',
      severity: 'error',
      from: { path: '^src-main/web/' },
      to: { path: ['^src-main/electron/', '^src-renderer/'] },
    },
    {
      name: 'electron-host-not-web-host',
      severity: 'error',
      from: { path: '^src-main/electron/' },
      to: { path: ['^src-main/web/', '^src-renderer/'] },
    },
    {
      name: 'migrations-frozen-in-time',
      comment: 'A migration never imports application code.',
      severity: 'error',
      from: { path: '^db/(migrations|portal)/' },
      to: { path: ['^src-', '^db/schema'] },
    },
    {
      name: 'portal-is-its-own-server',
      severity: 'error',
      from: { path: '^src-portal/' },
      to: { path: ['^src-main/', '^src-renderer/', 'node_modules/electron/'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^out/|\\.test\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.node.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'] },
  },
};
