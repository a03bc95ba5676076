// The usual JavaScript choice, measured on the same text as entity_eval:
// compromise's people() on CoNLL-2003 (mention-level PER P/R/F1) and
// places() on Reuters-21578 (document-level countries vs gold `places`).
//
//   node compromise_eval.mjs conll FILE
//   node compromise_eval.mjs reuters GOLD.jsonl PLACES.txt COUNTRIES.json STORIES.jsonl...
//
// Text is rebuilt exactly as entity_eval.cc does, so spans compare byte for byte.
import { createRequire } from 'node:module';
import fs from 'node:fs';

const require = createRequire(process.env.COMPROMISE_DIR ? process.env.COMPROMISE_DIR + '/' : import.meta.url);
const nlp = require('compromise');

function scores(tp, fp, fn) {
  const p = tp + fp ? tp / (tp + fp) : 0, r = tp + fn ? tp / (tp + fn) : 0;
  const f = p + r ? 2 * p * r / (p + r) : 0;
  const round = (x) => Math.round(x * 1000) / 10;
  return { precision: round(p), recall: round(r), f1: round(f), tp, fp, fn };
}

function readConll(path) {
  const docs = [];
  let doc = null, prev = 'O', open = null;
  const close = () => { if (open) doc.gold.push(open); open = null; };
  for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) { if (doc) { close(); if (doc.text) docs.push(doc); } doc = { text: '', gold: [] }; prev = 'O'; continue; }
    if (!doc) doc = { text: '', gold: [] };
    if (line === '') { close(); if (doc.text && !doc.text.endsWith('\n')) doc.text += '\n'; prev = 'O'; continue; }
    const [word, , , tag] = line.split(' ');
    if (doc.text && !doc.text.endsWith('\n')) doc.text += ' ';
    const begin = doc.text.length; doc.text += word; const end = doc.text.length;
    const person = tag === 'I-PER' || tag === 'B-PER';
    const continues = person && tag === 'I-PER' && (prev === 'I-PER' || prev === 'B-PER');
    if (!continues) close();
    if (person) { if (!continues) open = [begin, end]; else open[1] = end; }
    prev = tag;
  }
  if (doc) { close(); if (doc.text) docs.push(doc); }
  return docs;
}

// compromise spans carry trailing punctuation and spaces ("Ankara, Turkey.").
function trimmed(text, start, length) {
  let end = start + length;
  while (end > start && /[\s.,;:!?'"()]/.test(text[end - 1])) end--;
  while (start < end && /[\s"'(]/.test(text[start])) start++;
  return [start, end];
}

function conll(path) {
  let tp = 0, fp = 0, fn = 0;
  for (const doc of readConll(path)) {
    const gold = new Set(doc.gold.map(([b, e]) => `${b}:${e}`));
    const predicted = new Set();
    for (const person of nlp(doc.text).people().not('#Honorific').json({ offset: true })) {
      const [b, e] = trimmed(doc.text, person.offset.start, person.offset.length);
      if (e > b) predicted.add(`${b}:${e}`);
    }
    for (const span of predicted) gold.has(span) ? tp++ : fp++;
    for (const span of gold) if (!predicted.has(span)) fn++;
  }
  return { task: 'conll-per-mentions', tool: 'compromise', per: scores(tp, fp, fn) };
}

function fold(text) {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/^the\s+/, '').replace(/[^a-z0-9 ]+/g, ' ').trim();
}

function reuters(goldPath, placesPath, countriesPath, stories) {
  // Place strings -> country code, through newsfacet's own gazetteer forms,
  // so both tools are judged on the same vocabulary.
  const formToCode = new Map();
  for (const c of JSON.parse(fs.readFileSync(countriesPath, 'utf8')).countries) {
    for (const form of [c.name, ...(c.names || []), ...(c.abbreviations || []), ...(c.demonyms || []),
      c.capital || '', ...(c.cities || []), ...(c.regions || []), ...(c.metonyms || [])]) {
      const key = fold(form);
      if (key && !formToCode.has(key)) formToCode.set(key, c.code);
    }
  }
  const special = { usa: 'US', uk: 'GB', ussr: 'SUHH', 'west-germany': 'DEWG', 'east-germany': 'DDDE',
    czechoslovakia: 'CSHH', yugoslavia: 'YUCS' };
  const placeCode = (place) => special[place] || formToCode.get(fold(place.replace(/-/g, ' ')));
  const gold = new Map();
  for (const line of fs.readFileSync(goldPath, 'utf8').split('\n')) if (line.trim()) { const g = JSON.parse(line); gold.set(g.id, g); }
  let tp = 0, fp = 0, fn = 0, docs = 0;
  for (const file of stories) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const story = JSON.parse(line);
      const g = gold.get(story.id);
      if (!g) continue;
      docs++;
      const expected = new Set(g.places.map(placeCode).filter(Boolean));
      const predicted = new Set();
      const text = `${story.title || ''}\n${story.maintext || ''}`;
      for (const place of nlp(text).places().out('array')) {
        const code = formToCode.get(fold(place));
        if (code) predicted.add(code);
      }
      for (const code of predicted) expected.has(code) ? tp++ : fp++;
      for (const code of expected) if (!predicted.has(code)) fn++;
    }
  }
  return { task: 'reuters-countries', tool: 'compromise', documents: docs, countries: scores(tp, fp, fn) };
}

const [mode, ...args] = process.argv.slice(2);
const result = mode === 'conll' ? conll(args[0]) : reuters(args[0], args[1], args[2], args.slice(3));
console.log(JSON.stringify(result, null, 2));
