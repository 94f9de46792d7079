/**
 * The layering rules fire: each rule of .dependency-cruiser.cjs is shown a planted violation in
 * a scratch copy of the tree (the real configuration files, the real node_modules), and
 * dependency-cruiser must report it under that rule. The plants live here, never in the source.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../../..');

interface Plant {
  /** What the plant shows. */
  what: string;
  /** The planted file (the importing side) and what it imports. */
  file: string;
  source: string;
  /** Other files the plant needs to exist. */
  others?: Record<string, string>;
  rule: string;
}

const plants: Plant[] = [
  { what: 'src-shared importing kysely', file: 'src-shared/plant-kysely.ts', source: "import 'kysely';", rule: 'not-in-allowed' },
  { what: 'src-shared importing pino', file: 'src-shared/plant-pino.ts', source: "import 'pino';", rule: 'not-in-allowed' },
  { what: 'src-shared importing a Node built-in', file: 'src-shared/plant-fs.ts', source: "import 'node:fs';", rule: 'not-in-allowed' },
  { what: 'src-shared importing React', file: 'src-shared/plant-react.ts', source: "import 'react';", rule: 'not-in-allowed' },
  { what: 'the renderer importing better-sqlite3', file: 'src-renderer/plant-sqlite.ts', source: "import 'better-sqlite3';", rule: 'not-in-allowed' },
  {
    what: 'the renderer importing test/',
    file: 'src-renderer/plant-test.ts',
    source: "import '../test/plant-helper.js';",
    others: { 'test/plant-helper.ts': 'export const x = 1;' },
    rule: 'not-in-allowed',
  },
  {
    what: 'the renderer importing the core',
    file: 'src-renderer/plant-core.ts',
    source: "import '../src-main/core/plant-target.js';",
    others: { 'src-main/core/plant-target.ts': 'export const x = 1;' },
    rule: 'not-in-allowed',
  },
  { what: 'the renderer importing a Node built-in', file: 'src-renderer/plant-node.ts', source: "import 'node:path';", rule: 'not-in-allowed' },
  {
    what: 'a renderer feature importing another feature',
    file: 'src-renderer/features/plant-a/A.ts',
    source: "import '../plant-b/B.js';",
    others: { 'src-renderer/features/plant-b/B.ts': 'export const b = 1;' },
    rule: 'renderer-features-apart',
  },
  { what: 'the core importing electron', file: 'src-main/core/plant-electron.ts', source: "import 'electron';", rule: 'not-in-allowed' },
  { what: 'the core importing fastify', file: 'src-main/core/plant-fastify.ts', source: "import 'fastify';", rule: 'not-in-allowed' },
  {
    what: 'the core importing the web host',
    file: 'src-main/core/plant-web.ts',
    source: "import '../web/plant-host.js';",
    others: { 'src-main/web/plant-host.ts': 'export const h = 1;' },
    rule: 'not-in-allowed',
  },
  { what: 'the web host importing electron', file: 'src-main/web/plant-electron.ts', source: "import 'electron';", rule: 'not-in-allowed' },
  {
    what: 'a migration importing app code',
    file: 'db/migrations/plant-9999.ts',
    source: "import '../../src-shared/plant-shared.js';",
    others: { 'src-shared/plant-shared.ts': 'export const s = 1;' },
    rule: 'not-in-allowed',
  },
  {
    what: 'the portal importing the core',
    file: 'src-portal/plant-core.ts',
    source: "import '../src-main/core/plant-target2.js';",
    others: { 'src-main/core/plant-target2.ts': 'export const x = 1;' },
    rule: 'not-in-allowed',
  },
  {
    what: 'the store importing a domain',
    file: 'src-main/core/store/plant-store.ts',
    source: "import '../plant-domain/plant-domain.repository.js';",
    others: { 'src-main/core/plant-domain/plant-domain.repository.ts': 'export const r = 1;' },
    rule: 'core-store-knows-no-domain',
  },
  {
    what: 'the sync client importing a domain service',
    file: 'src-main/core/sync/plant-sync.ts',
    source: "import '../plant-domain2/plant-domain2.service.js';",
    others: { 'src-main/core/plant-domain2/plant-domain2.service.ts': 'export const s = 1;' },
    rule: 'core-sync-knows-no-domain',
  },
  {
    what: "a domain importing another domain's service",
    file: 'src-main/core/plant-domain3/plant-domain3.service.ts',
    source: "import '../plant-domain4/plant-domain4.service.js';",
    others: { 'src-main/core/plant-domain4/plant-domain4.service.ts': 'export const s = 1;' },
    rule: 'core-domains-apart',
  },
  {
    what: 'the PDF writer importing a domain',
    file: 'src-main/core/pdf/plant-pdf.ts',
    source: "import '../plant-domain5/plant-domain5.repository.js';",
    others: { 'src-main/core/plant-domain5/plant-domain5.repository.ts': 'export const r = 1;' },
    rule: 'core-shared-infrastructure-knows-no-domain',
  },
  {
    what: 'src-shared importing through a subpath import into the core',
    file: 'src-shared/plant-subpath.ts',
    source: "import '#core/plant-target3.js';",
    others: { 'src-main/core/plant-target3.ts': 'export const x = 1;' },
    rule: 'not-in-allowed',
  },
  {
    what: 'a cycle',
    file: 'src-shared/plant-cycle-a.ts',
    source: "import { b } from './plant-cycle-b.js'; export const a = b;",
    others: { 'src-shared/plant-cycle-b.ts': "import { a } from './plant-cycle-a.js'; export const b = () => a;" },
    rule: 'no-circular',
  },
];

/** An allowed import of each kind, so that the test also proves the rules let the right things through. */
const allowed: Record<string, string> = {
  'src-shared/plant-ok.ts': "import 'zod';",
  'src-renderer/plant-ok.ts': "import 'react'; import '../src-shared/plant-ok.js';",
  'src-main/core/plant-ok.ts': "import 'kysely'; import 'node:fs'; import '../../src-shared/plant-ok.js'; import '#shared/plant-ok.js';",
  'src-main/core/plant-domain6/plant-domain6.service.ts': "import '../plant-domain7/plant-domain7.repository.js'; import '../store/plant-store-ok.js';",
  'src-main/core/plant-domain7/plant-domain7.repository.ts': 'export const r = 1;',
  'src-main/core/store/plant-store-ok.ts': "import 'kysely';",
  'src-portal/plant-ok.ts': "import 'fastify'; import '../src-shared/plant-ok.js';",
};

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

let scratch: string;
let violations: Violation[];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'atelier-layering-'));
  for (const file of ['.dependency-cruiser.cjs', 'package.json', 'tsconfig.base.json', 'tsconfig.node.json']) copyFileSync(join(repo, file), join(scratch, file));
  symlinkSync(join(repo, 'node_modules'), join(scratch, 'node_modules'), 'dir');
  const files: Record<string, string> = { ...allowed };
  for (const plant of plants) Object.assign(files, { [plant.file]: plant.source }, plant.others ?? {});
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), `${source}\n`);
  }
  const roots = ['src-shared', 'src-renderer', 'src-main', 'src-portal', 'db', 'test'];
  let out: string;
  try {
    out = execFileSync(process.execPath, [join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...roots], {
      cwd: scratch,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    // dependency-cruiser exits non-zero when it finds violations, which is the point here.
    out = (error as { stdout: string }).stdout;
  }
  violations = (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}, 60_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('the layering rules fail on a planted violation of each', () => {
  it.each(plants.map((p) => [p.what, p] as const))('%s', (_what, plant) => {
    const found = violations.filter((v) => v.from === plant.file);
    expect(found.map((v) => v.rule.name)).toContain(plant.rule);
    expect(found.every((v) => v.rule.severity === 'error')).toBe(true);
  });

  it('lets the allowed imports through', () => {
    expect(violations.filter((v) => Object.keys(allowed).includes(v.from))).toEqual([]);
  });
});
