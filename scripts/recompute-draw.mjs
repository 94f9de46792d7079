#!/usr/bin/env node
/**
 * Recomputes a Citizen Card atelier's draw from its exported list, without the app.
 * Plain Node (18 or later), nothing to install: copy this file and the exported JSON anywhere.
 *
 *   node recompute-draw.mjs draw.json            prints the seed check, the drawn and the waiting list
 *   node recompute-draw.mjs draw.json --json     the same as JSON
 *
 * draw.json is what the app exports for a draw: { algorithm: "atelier-draw-v1", drawDate,
 * places, reserved: [{ group, places }], seed, entries: [{ key, groups: [...] }] }.
 * The algorithm (written again here on purpose, from its description in
 * docs/citizen-card-lottery.md, so that it checks the app rather than reuses it):
 *   seed  = SHA-256 hex of "atelier-draw-v1\n<drawDate>\n<places>\n<keys sorted by code point, one per line>"
 *   block i = SHA-256("<seed>:<i>"), eight 32-bit big-endian numbers each;
 *   a number below n: the next 32-bit value, skipped while ≥ floor(2^32 / n) × n, modulo n;
 *   Fisher–Yates over the sorted keys, from the last index down to 1;
 *   reserved places per group in the listed order, then the rest, by rank; the others wait.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [file, flag] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node recompute-draw.mjs <draw.json> [--json]\n');
  process.exit(2);
}
const list = JSON.parse(readFileSync(file, 'utf8'));
if (list.algorithm !== 'atelier-draw-v1') {
  process.stderr.write(`unknown algorithm ${list.algorithm}\n`);
  process.exit(2);
}

const keys = list.entries.map((e) => e.key).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest();
const seed = sha256(['atelier-draw-v1', list.drawDate, String(list.places), ...keys].join('\n')).toString('hex');

let block = 0;
let words = [];
function next32() {
  if (words.length === 0) {
    const digest = sha256(`${seed}:${block}`);
    block += 1;
    for (let k = 0; k < 32; k += 4) words.push(digest.readUInt32BE(k));
  }
  return words.shift();
}
function below(n) {
  const limit = Math.floor(2 ** 32 / n) * n;
  for (;;) {
    const v = next32();
    if (v < limit) return v % n;
  }
}

const ranking = [...keys];
for (let i = ranking.length - 1; i >= 1; i -= 1) {
  const j = below(i + 1);
  [ranking[i], ranking[j]] = [ranking[j], ranking[i]];
}
const groups = new Map(list.entries.map((e) => [e.key, new Set(e.groups)]));
const taken = new Map();
for (const r of list.reserved) {
  let left = r.places;
  for (const key of ranking) {
    if (left === 0) break;
    if (!taken.has(key) && groups.get(key).has(r.group)) {
      taken.set(key, r.group);
      left -= 1;
    }
  }
}
for (const key of ranking) {
  if (taken.size >= list.places) break;
  if (!taken.has(key)) taken.set(key, null);
}
const drawn = [];
const waiting = [];
ranking.forEach((key, i) => (taken.has(key) ? drawn.push({ key, rank: i + 1, group: taken.get(key) }) : waiting.push({ key, rank: i + 1 })));

const seedMatches = seed === list.seed;
if (flag === '--json') {
  process.stdout.write(`${JSON.stringify({ seed, seedMatches, drawn, waiting })}\n`);
} else {
  process.stdout.write(`seed ${seed} ${seedMatches ? '= the announced seed' : `≠ the announced seed ${list.seed}`}\n`);
  process.stdout.write(`drawn (${drawn.length}):\n`);
  for (const d of drawn) process.stdout.write(`  ${d.rank}\t${d.key}${d.group ? `\t(reserved: ${d.group})` : ''}\n`);
  process.stdout.write(`waiting (${waiting.length}):\n`);
  for (const w of waiting) process.stdout.write(`  ${w.rank}\t${w.key}\n`);
}
process.exit(seedMatches ? 0 : 1);
