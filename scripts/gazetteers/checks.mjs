// Checks on a countries.json document, shared by generate.mjs and check.mjs.
import { surfaceKey } from './text.mjs';

const FIELDS = ['names', 'abbreviations', 'demonyms', 'cities', 'regions', 'metonyms'];

// Every (key -> code -> {surfaces, unmarked}) in the document.
export function surfaceIndex(doc) {
  const index = new Map();
  for (const c of doc.countries) {
    const ambiguous = new Set(c.ambiguous);
    const all = FIELDS.flatMap((f) => c[f]);
    if (c.capital) all.push(c.capital);
    for (const s of all) {
      const key = surfaceKey(s);
      if (!index.has(key)) index.set(key, new Map());
      const byCode = index.get(key);
      if (!byCode.has(c.code)) byCode.set(c.code, { surfaces: new Set(), unmarkedSurfaces: new Set(), unmarked: false });
      const e = byCode.get(c.code);
      e.surfaces.add(s);
      if (!ambiguous.has(s)) {
        e.unmarked = true;
        e.unmarkedSurfaces.add(s);
      }
    }
  }
  return index;
}

// A surface form may belong to several countries only if all but at most one
// of them list it as ambiguous.
export function findConflicts(doc) {
  const conflicts = [];
  for (const [key, byCode] of surfaceIndex(doc)) {
    if (byCode.size < 2) continue;
    const unmarked = [...byCode.entries()].filter(([, e]) => e.unmarked).map(([code]) => code).sort();
    if (unmarked.length > 1) {
      const example = [...byCode.get(unmarked[0]).surfaces][0];
      conflicts.push({ key, surface: example, unmarked, all: [...byCode.keys()].sort() });
    }
  }
  return conflicts;
}

// Which country a surface form means: the one that holds it unmarked, else the only
// one that holds it at all (then ambiguous), else null.
// A form written exactly as in the data (or with "the" before it) is judged on those
// entries alone, so "Male" (ambiguous) and "Malé" (not) stay apart; else on its key.
export function resolve(index, surface) {
  const keyed = index.get(surfaceKey(surface));
  if (!keyed) return null;
  let byCode = keyed;
  const exact = new Map();
  for (const [code, e] of keyed) {
    const hits = [surface, `the ${surface}`].filter((s) => e.surfaces.has(s));
    if (hits.length) exact.set(code, { surfaces: new Set(hits), unmarked: hits.some((s) => e.unmarkedSurfaces.has(s)) });
  }
  if (exact.size) byCode = exact;
  const unmarked = [...byCode.entries()].filter(([, e]) => e.unmarked).map(([c]) => c);
  const all = [...keyed.keys()].sort();
  if (unmarked.length === 1) return { code: unmarked[0], ambiguous: false, all };
  if (unmarked.length === 0 && byCode.size === 1) return { code: [...byCode.keys()][0], ambiguous: true, all };
  return { code: null, ambiguous: true, all };
}

export const EXPECTED = [
  ['Aleppo', 'SY'], ['Pyongyang', 'KP'], ['Ankara', 'TR'], ['Kremlin', 'RU'], ['the Kremlin', 'RU'], ['Downing Street', 'GB'],
  ['Texas', 'US'], ['Syrians', 'SY'], ['Britain', 'GB'], ['U.K.', 'GB'], ['UK', 'GB'], ['USSR', 'SUHH'], ['U.S.S.R.', 'SUHH'],
  ['Soviet', 'SUHH'], ['Soviet Union', 'SUHH'], ['West Germany', 'DEWG'], ['West German', 'DEWG'], ['East Germany', 'DDDE'],
  ['GDR', 'DDDE'], ['Yugoslavia', 'YUCS'], ['Czechoslovakia', 'CSHH'], ['South Yemen', 'YDYE'], ['Netherlands Antilles', 'ANHH'],
  ['Germany', 'DE'], ['Bonn', 'DE'], ['Moscow', 'RU'], ['Russia', 'RU'], ['Turkish', 'TR'], ['Türkiye', 'TR'], ['Turkiye', 'TR'],
  ['Istanbul', 'TR'], ['Izmir', 'TR'], ['Diyarbakir', 'TR'], ['Kiev', 'UA'], ['Kyiv', 'UA'], ['Crimea', 'UA'], ['Sevastopol', 'UA'],
  ['Bombay', 'IN'], ['Beijing', 'CN'], ['Peking', 'CN'], ['Tibet', 'CN'], ['Taipei', 'TW'], ['Tehran', 'IR'],
  ['Ivory Coast', 'CI'], ["Côte d'Ivoire", 'CI'], ['Burma', 'MM'], ['Rangoon', 'MM'], ['Zaire', 'CD'], ['Kampuchea', 'KH'],
  ['Swaziland', 'SZ'], ['the White House', 'US'], ['White House', 'US'], ['Pentagon', 'US'], ['U.S.', 'US'], ['Americans', 'US'],
  ['New York', 'US'], ['Washington, D.C.', 'US'], ['Elysee', 'FR'], ['Paris', 'FR'], ['Mecca', 'SA'], ['Saudis', 'SA'],
  ['Jerusalem', 'IL'], ['Gaza', 'PS'], ['West Bank', 'PS'], ['Palestinians', 'PS'], ['Golan Heights', 'SY'], ['Scotland', 'GB'],
  ['Welsh', 'GB'], ['Quebec', 'CA'], ['Ontario', 'CA'], ['Sydney', 'AU'], ['Xinjiang', 'CN'], ['Chechnya', 'RU'], ['Siberia', 'RU'],
  ['Maiduguri', 'NG'], ['Malatya', 'TR'], ['Nairobi', 'KE'], ['Kosovo', 'XK'], ['North Korea', 'KP'],
  ['South Korea', 'KR'], ['Dominican', 'DO'], ['Macedonia', 'MK'], ['Hong Kong', 'HK'], ['Barcelona', 'ES'], ['St. Louis', 'US'],
  ['Saint Petersburg', 'RU'], ['St. Petersburg', 'RU'], ['Leningrad', 'SUHH'], ['Vatican', 'VA'], ['Holy See', 'VA'],
];
// Forms that must not resolve to one country without context. ("Turkey" and
// "China" are not here: the extractor only reads capitalised forms, and
// capitalised they name the country.)
export const EXPECTED_AMBIGUOUS = ['Jordan', 'Georgia', 'Chad', 'Niger', 'Guinea', 'Washington', 'Victoria', 'Korea',
  'Congo', 'Punjab', 'Kashmir', 'America', 'Holland', 'Brussels', 'Persian', 'Kurdistan'];
// Forms that must not be in the gazetteer at all (dropped as ambiguous words or names).
export const EXPECTED_ABSENT = ['Nice', 'Reading', 'Mobile', 'Bath', 'Split', 'Batman', 'Van', 'Orange', 'Sale', 'Of', 'Jackson', 'Lincoln',
  'Charlotte', 'Austin', 'Phoenix', 'Vladimir'];

export function sanityFailures(doc) {
  const failures = [];
  const index = surfaceIndex(doc);
  for (const [surface, code] of EXPECTED) {
    const r = resolve(index, surface);
    if (!r || r.code !== code || r.ambiguous) failures.push(`"${surface}" should mean ${code}, got ${JSON.stringify(r)}`);
  }
  for (const surface of EXPECTED_AMBIGUOUS) {
    const r = resolve(index, surface);
    if (!r || !r.ambiguous) failures.push(`"${surface}" should need context, got ${JSON.stringify(r)}`);
  }
  for (const surface of EXPECTED_ABSENT) {
    const r = resolve(index, surface);
    if (r) failures.push(`"${surface}" should not be a surface form, got ${JSON.stringify(r)}`);
  }
  const current = doc.countries.filter((c) => !c.former);
  if (current.length < 249) failures.push(`only ${current.length} current countries`);
  for (const c of doc.countries) {
    if (!c.name || !c.names.includes(c.name)) failures.push(`${c.code}: name missing from names`);
    if (c.capital && !c.cities.includes(c.capital)) failures.push(`${c.code}: capital ${c.capital} missing from cities`);
    for (const a of c.ambiguous) {
      if (![...FIELDS.flatMap((f) => c[f])].includes(a)) failures.push(`${c.code}: ambiguous "${a}" is no surface form of it`);
    }
  }
  return failures;
}
