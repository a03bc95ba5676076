// Text helpers shared by generate.mjs and check.mjs. No dependencies.

const SPECIAL_LETTERS = {
  'ı': 'i', 'İ': 'I', 'ł': 'l', 'Ł': 'L', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ð': 'd', 'Ð': 'D', 'þ': 'th', 'Þ': 'Th',
  'ß': 'ss', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ħ': 'h', 'Ħ': 'H',
};

// Strips diacritics: "Türkiye" -> "Turkiye", "Łódź" -> "Lodz", "Diyarbakır" -> "Diyarbakir".
export function fold(s) {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıİłŁøØđĐðÐþÞßæÆœŒħĦ]/g, (c) => SPECIAL_LETTERS[c])
    .normalize('NFC');
}

// Curly quotes, modifier letters and accents used as apostrophes become "'".
export function normalizeApostrophes(s) {
  return s.replace(/[’‘ʼʻ`´]/g, "'");
}

// The key two surface forms collide on: folded, lower case, no leading "the",
// "St."/"St" read as "Saint", no dots or apostrophes, hyphens as spaces.
export function surfaceKey(s) {
  return fold(normalizeApostrophes(s))
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/^(?:saint|st\.?)\s+/, 'saint ')
    .replace(/[.']/g, '')
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Spellings a surface form is written in: itself, with ASCII apostrophes, without
// diacritics; for a transliteration mark inside a city name ("Xi’an") also without
// it ("Xian"); for "Saint X" also "St. X" and "St X".
export function variants(s, { abbreviation = false, transliteration = false } = {}) {
  const out = new Set([s]);
  const ascii = normalizeApostrophes(s);
  out.add(ascii);
  out.add(fold(ascii));
  if (transliteration && /[’‘ʼʻ]/.test(s)) {
    const bare = ascii.replace(/'/g, '');
    out.add(bare);
    out.add(fold(bare));
  }
  if (!abbreviation) {
    for (const v of [...out]) {
      const m = /^(?:Saint|St\.?) (.+)$/.exec(v);
      if (m) for (const p of ['Saint ', 'St. ', 'St ']) out.add(p + m[1]);
    }
  }
  return [...out];
}

// "Iraqi+s" -> "Iraqi", "Iraqis".
export function expandDemonyms(list) {
  const out = [];
  for (const d of list) {
    if (d.endsWith('+s')) {
      const base = d.slice(0, -2);
      out.push(base, base + 's');
    } else out.push(d);
  }
  return out;
}

// Sort by UTF-16 code units: the same order on every machine and Node version.
export function codepointSort(list) {
  return list.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function uniqueSorted(list) {
  return codepointSort([...new Set(list)]);
}
