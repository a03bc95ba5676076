#!/usr/bin/env node
// Sanity check of the generated gazetteers in schemas/data/ (needs no npm packages).
//   node scripts/gazetteers/check.mjs [DATA_DIR] [SURFACE...]
// Prints what each example surface form resolves to, every surface form shared by
// two countries (and how it is resolved), and exits 1 on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { surfaceIndex, resolve, findConflicts, sanityFailures, EXPECTED, EXPECTED_AMBIGUOUS, EXPECTED_ABSENT } from './checks.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const dir = argv[0] && fs.existsSync(argv[0]) ? argv.shift() : path.resolve(HERE, '..', '..', 'schemas', 'data');
const doc = JSON.parse(fs.readFileSync(path.join(dir, 'countries.json'), 'utf8'));
const index = surfaceIndex(doc);

const show = argv.length ? argv : [...EXPECTED.map(([s]) => s), ...EXPECTED_AMBIGUOUS];
for (const s of show) {
  const r = resolve(index, s);
  console.log(`${s} -> ${r ? `${r.code ?? '(needs context)'}${r.ambiguous ? ' [ambiguous]' : ''}${r.all.length > 1 ? ` (also held by ${r.all.filter((c) => c !== r.code).join(', ')})` : ''}` : '-'}`);
}

let shared = 0;
for (const [key, byCode] of index) {
  if (byCode.size < 2) continue;
  shared++;
  const parts = [...byCode.entries()].map(([code, e]) => `${code}${e.unmarked ? '' : '?'}`).sort();
  if (process.env.VERBOSE) console.log(`shared: ${key}: ${parts.join(' ')}`);
}
const conflicts = findConflicts(doc);
const failures = sanityFailures(doc);

const names = fs.readFileSync(path.join(dir, 'first_names.txt'), 'utf8').split('\n').filter(Boolean);
const cues = JSON.parse(fs.readFileSync(path.join(dir, 'person_cues.json'), 'utf8'));
const sorted = (a) => a.every((x, i) => i === 0 || a[i - 1] < x);
if (!sorted(names)) failures.push('first_names.txt is not sorted and unique');
for (const n of ['Vladimir', 'Sergei', 'Recep', 'Mevlut', 'Bashar', 'Mohammed', 'Angela', 'Emmanuel', 'Narendra', 'Jair', 'Benjamin', 'Mark', 'Bill']) {
  if (!names.includes(n)) failures.push(`first name ${n} missing`);
}
for (const n of ['Will', 'May', 'June', 'Monday', 'January', 'King']) if (names.includes(n)) failures.push(`"${n}" should not be a first name`);
for (const k of ['titles', 'organization_words', 'non_name_words', 'attribution_verbs', 'name_particles', 'suffixes', 'ambiguous_first_names']) {
  if (!Array.isArray(cues[k]) || !cues[k].length || !sorted(cues[k])) failures.push(`person_cues.json ${k} missing, empty or unsorted`);
}

for (const c of conflicts) console.log(`CONFLICT: "${c.surface}" unmarked in ${c.unmarked.join(', ')} (held by ${c.all.join(', ')})`);
for (const f of failures) console.log(`FAIL: ${f}`);
const current = doc.countries.filter((c) => !c.former).length;
console.log(`${current} current + ${doc.countries.length - current} former countries, ${index.size} distinct surface keys, ` +
  `${shared} shared by several countries (all resolved: ${conflicts.length === 0}), ${names.length} first names`);
const examples = EXPECTED.length + EXPECTED_AMBIGUOUS.length + EXPECTED_ABSENT.length;
console.log(`${examples} examples checked: ${conflicts.length + failures.length === 0 ? 'OK' : 'FAILED'}`);
process.exit(conflicts.length + failures.length ? 1 : 0);
