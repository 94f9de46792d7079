/**
 * How deeply a parsed JSON value nests arrays and objects, measured without recursion: a value
 * nested a million levels deep (a few megabytes of brackets) must be measured, not overflow the
 * stack. A scalar is depth 0, `[]` and `{}` are 1, `[[1]]` is 2.
 */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const node of level) {
      if (node === null || typeof node !== 'object') continue;
      if (depth + 1 > limit) return true;
      for (const child of Array.isArray(node) ? node : Object.values(node)) {
        if (child !== null && typeof child === 'object') next.push(child);
      }
    }
    level = next;
  }
  return false;
}
