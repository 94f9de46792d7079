/**
 * Ways a request goes wrong: a JSON value mutated at one node (a key dropped or added, a value
 * of another type, too deep, too big, a NUL, an id in capitals), garbage in place of a value,
 * and bodies broken as bytes (cut, re-encoded in UTF-16, a BOM, duplicate keys).
 */
import fc from 'fast-check';

export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, 0, -1, 1e308, '', 'null', [], {}, [[[]]], { '': '' }, '\u0000', 'ٱلسَّلَامُ', '9'.repeat(40)),
);

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', 'x'.repeat(200), 'changes', 'fields', 'seq', 'é'];

export type Mutation =
  | { kind: 'drop' }
  | { kind: 'retype'; value: unknown }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'deep'; depth: number }
  | { kind: 'huge'; bytes: number }
  | { kind: 'nul' }
  | { kind: 'upper' }
  | { kind: 'duplicate' };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: 'drop' as const }),
  garbage.map((value) => ({ kind: 'retype' as const, value })),
  fc.record({ key: fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 10 })), value: garbage }).map((r) => ({ kind: 'extra' as const, ...r })),
  fc.constantFrom(15, 16, 17, 40, 63, 64, 65, 300).map((depth) => ({ kind: 'deep' as const, depth })),
  fc.constantFrom(64_001, 70_000, 300_000).map((bytes) => ({ kind: 'huge' as const, bytes })),
  fc.constant({ kind: 'nul' as const }),
  fc.constant({ kind: 'upper' as const }),
  fc.constant({ kind: 'duplicate' as const }),
);

/** A value with one mutation applied at the `pick`-th node (in a fixed walk order). */
export function mutate(value: unknown, mutation: Mutation, pick: number): unknown {
  const copy = structuredClone(value);
  const nodes = walk(copy);
  const target = nodes[pick % nodes.length]!;
  const replace = (next: unknown) => {
    if (target.parent === null) return next;
    setOwn(target.parent, target.key!, next);
    return copy;
  };
  switch (mutation.kind) {
    case 'drop':
      if (target.parent === null) return undefined;
      if (Array.isArray(target.parent)) target.parent.splice(Number(target.key), 1);
      else delete target.parent[target.key!];
      return copy;
    case 'retype':
      return replace(mutation.value);
    case 'extra': {
      const holder = nodes.filter((n) => isObject(n.value))[pick % Math.max(1, nodes.filter((n) => isObject(n.value)).length)];
      if (!holder) return copy;
      setOwn(holder.value as Record<string, unknown>, mutation.key, mutation.value);
      return copy;
    }
    case 'deep':
      return replace(nest(mutation.depth));
    case 'huge':
      return replace('x'.repeat(mutation.bytes));
    case 'nul':
      return replace(typeof target.value === 'string' ? `${target.value}\u0000` : '\u0000');
    case 'upper':
      return JSON.parse(JSON.stringify(copy).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => id.toUpperCase()));
    case 'duplicate':
      if (Array.isArray(target.parent)) target.parent.push(structuredClone(target.value));
      else if (Array.isArray(target.value) && target.value.length > 0) target.value.push(structuredClone(target.value[0]));
      return copy;
  }
}

export function nest(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

interface Node {
  value: unknown;
  parent: Record<string, unknown> | unknown[] | null;
  key: string | null;
}

function walk(root: unknown): Node[] {
  const nodes: Node[] = [{ value: root, parent: null, key: null }];
  for (let i = 0; i < nodes.length && nodes.length < 2_000; i++) {
    const { value } = nodes[i]!;
    if (Array.isArray(value)) value.forEach((child, k) => nodes.push({ value: child, parent: value, key: String(k) }));
    else if (isObject(value)) for (const [k, child] of Object.entries(value)) nodes.push({ value: child, parent: value, key: k });
  }
  return nodes;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An own property even for `__proto__`, so that JSON.stringify writes it out. */
function setOwn(holder: Record<string, unknown> | unknown[], key: string, value: unknown): void {
  Object.defineProperty(holder, key, { value, enumerable: true, writable: true, configurable: true });
}

export type BodyDamage = 'none' | 'cut' | 'utf16' | 'bom' | 'trailing' | 'duplicate-key' | 'empty' | 'spaces' | 'bytes';

export const bodyDamageArb: fc.Arbitrary<BodyDamage> = fc.oneof(
  { arbitrary: fc.constant('none' as const), weight: 12 },
  { arbitrary: fc.constantFrom<BodyDamage>('cut', 'utf16', 'bom', 'trailing', 'duplicate-key', 'empty', 'spaces', 'bytes'), weight: 3 },
);

/** The bytes of a body: its JSON text, or that text broken. */
export function bodyBytes(value: unknown, damage: BodyDamage, pick: number): Buffer {
  const text = value === undefined ? '' : JSON.stringify(value);
  switch (damage) {
    case 'none':
      return Buffer.from(text, 'utf8');
    case 'cut':
      return Buffer.from(text.slice(0, pick % Math.max(1, text.length)), 'utf8');
    case 'utf16':
      return Buffer.from(text, 'utf16le');
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'trailing':
      return Buffer.from(`${text}}]"garbage`, 'utf8');
    case 'duplicate-key':
      return Buffer.from(text.startsWith('{') && text.length > 2 ? `{"changes":[],${text.slice(1)}` : `{"a":1,"a":${text || 'null'}}`, 'utf8');
    case 'empty':
      return Buffer.alloc(0);
    case 'spaces':
      return Buffer.from(' \n\t ', 'utf8');
    case 'bytes':
      return Buffer.from(Array.from({ length: 64 }, (_, i) => (pick * 31 + i * 17) % 256));
  }
}
