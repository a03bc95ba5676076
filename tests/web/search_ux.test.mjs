// Search that meets people where they type, in a real browser against the
// real server: entity-aware queries and their one-click filters, typing
// without "0 articles" and with one search per settled query, the date
// histogram from the search itself, near-duplicate stories collapsed, AND
// within a facet, the keyboard (focus never on <body>) and axe-core.
//
// The server indexes the sample corpus plus a few articles written here
// (Volcker stories, a story filed twice, a Soviet story, a hard-wrapped
// one); a second server indexes the seeds when they are present.
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, test } from "node:test";
import { config, indexOf, launchBrowser, scratchDir, settled, startServer, waitForUrl } from "./harness.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const LEAD = "Brazil's trade surplus doubled in March to 1.2 billion dlrs from 600 mln dlrs in February, the central " +
  "bank said. Exports rose to 2.1 billion dlrs while imports fell to 900 mln dlrs, officials said, adding that " +
  "the coffee harvest and higher soybean prices helped the country's accounts. The central bank said the " +
  "surplus was the largest since the moratorium on interest payments was declared, and that reserves had begun " +
  "to recover after months of decline.";  // past the 60 words the key reads: the repeat differs only after them
const WRAPPED = [
  "Federal Reserve Board Chairman Paul Volcker told the Senate Banking",
  "Committee on Wednesday that the central bank would keep a close eye on",
  "the dollar, which has fallen sharply against the yen this year.",
  "",
  "    Volcker said the Fed had no plans to change its policy stance.",
].join("\n");

// Articles the sample corpus lacks, written as .txt files (title, then body).
const EXTRA = {
  "volcker-senate.txt": `VOLCKER SAYS FED WATCHES DOLLAR\n\nWASHINGTON, March 4, 1987 - ${WRAPPED}`,
  "volcker-rates.txt": "VOLCKER SEES NO NEED FOR HIGHER RATES\n\nWASHINGTON, March 9, 1987 - Federal Reserve Chairman " +
    "Paul Volcker said on Monday he saw no need for higher interest rates. Volcker spoke to reporters after a meeting.",
  "volcker-debt.txt": "VOLCKER URGES ACTION ON THIRD WORLD DEBT\n\nWASHINGTON, March 12, 1987 - Paul Volcker, chairman " +
    "of the Federal Reserve, urged banks to keep lending to Latin American debtors, Volcker said in a speech.",
  "brazil-surplus.txt": `BRAZIL'S TRADE SURPLUS DOUBLED IN MARCH\n\nBRASILIA, April 10, 1987 - ${LEAD}`,
  "brazil-surplus-repeat.txt": `BRAZIL'S TRADE SURPLUS DOUBLED IN MARCH\n\nBRASILIA, April 10, 1987 - ${LEAD} ` +
    "Analysts in Sao Paulo expect further gains.",
  "soviet-grain.txt": "SOVIET UNION TO BUY MORE GRAIN\n\nMOSCOW, March 20, 1987 - The Soviet Union will buy more " +
    "grain this year, the Soviet news agency Tass said. Soviet officials said the Soviet Union expected a poor harvest " +
    "in the Ukraine and would buy wheat and maize abroad. The Kremlin gave no figures.",
};

function copyTree(from, to) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = path.join(from, name);
    if (statSync(source).isDirectory()) copyTree(source, path.join(to, name));
    else copyFileSync(source, path.join(to, name));
  }
}

let server;
let seedsServer = null;
let browser;

before(async () => {
  const corpus = scratchDir("newsfacet-web-ux-corpus-");
  copyTree(config.corpus, path.join(corpus, "sample"));
  mkdirSync(path.join(corpus, "extra"));
  for (const [name, text] of Object.entries(EXTRA)) writeFileSync(path.join(corpus, "extra", name), text);
  server = await startServer({ index: indexOf(corpus) });
  if (existsSync(config.seeds)) seedsServer = await startServer({ index: indexOf(config.seeds) });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await seedsServer?.stop();
});

async function open(t, query = "", { viewport, on = server } = {}) {
  const page = await browser.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const problems = [];
  page.on("pageerror", error => problems.push(`page error: ${error.message}`));
  page.on("console", message => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  t.after(async () => {
    await page.close();
    assert.deepEqual(problems, [], "no script errors");
  });
  await page.goto(on.url + query);
  await settled(page);
  return page;
}

const total = page => page.$eval("#status", e => Number(e.dataset.total));
const focused = page => page.evaluate(() => {
  const e = document.activeElement;
  return !e || e === document.body ? "body" : `${e.tagName.toLowerCase()}#${e.id}.${e.className}`;
});

async function axeViolations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(" ")).join(", ")}`);
  });
}

// Types `text` into the search box a letter every `delayMs`, from a timer in
// the page: on a loaded machine the page's own timers then keep their order
// (a keystroke due before the typing pause is over always comes first),
// where keys sent from outside can arrive in bursts and gaps.
function typeInPage(page, text, delayMs) {
  return page.evaluate(([letters, delay]) => new Promise(resolve => {
    const box = document.getElementById("q");
    box.focus();
    let i = 0;
    const next = () => {
      if (i === letters.length) return resolve();
      box.value += letters[i++];
      box.setSelectionRange(box.value.length, box.value.length);
      box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText" }));
      setTimeout(next, delay);
    };
    next();
  }), [text, delayMs]);
}

// Every request the page makes to `path`, from now on.
function countRequests(page, pathname) {
  const seen = [];
  page.on("request", request => {
    const url = new URL(request.url());
    if (url.pathname === pathname) seen.push(url.searchParams);
  });
  return seen;
}

test("typing Volcker never shows 0 articles and sends one search and one suggestion call", async t => {
  const page = await open(t);
  const searches = countRequests(page, "/api/search");
  const suggestions = countRequests(page, "/api/suggest");
  const facetCalls = countRequests(page, "/api/facets/people");
  await page.evaluate(() => {
    window.statusTexts = [];
    new MutationObserver(() => window.statusTexts.push(document.getElementById("status").textContent))
      .observe(document.getElementById("status"), { childList: true, subtree: true, characterData: true });
  });
  await typeInPage(page, "Volcker", 80);
  await waitForUrl(page, p => p.get("q") === "Volcker");
  await page.waitForTimeout(600);  // anything late would arrive now
  assert.equal(await total(page), 3);
  assert.equal(searches.length, 1, `one search for the settled query: ${searches.map(String)}`);
  assert.equal(searches[0].get("histogram"), "auto", "the histogram comes with it");
  assert.ok(suggestions.length <= 1, `at most one suggestion call: ${suggestions.length}`);
  assert.equal(facetCalls.length, 0, "no per-facet calls");
  const texts = await page.evaluate(() => window.statusTexts);
  assert.ok(!texts.some(text => /^0 articles/.test(text)), `never "0 articles": ${texts}`);

  // A pause after "Volc": the partial word already finds the Volcker stories.
  await page.fill("#q", "");
  await page.locator("#q").pressSequentially("volc", { delay: 60 });
  await waitForUrl(page, p => p.get("q") === "volc");
  assert.equal(await total(page), 3, "the last word is matched as a prefix while typing");
  await page.keyboard.press("Enter");
  await page.waitForTimeout(300);
  assert.equal(await total(page), 3, "and Enter keeps them");
});

test("a country's abbreviation or demonym finds it in the suggestions and in the filter box", async t => {
  const page = await open(t);
  for (const [typed, code] of [["uk", "GB"], ["britain", "GB"], ["ussr", "SUHH"]]) {
    await page.fill("#q", "");
    await page.locator("#q").pressSequentially(typed, { delay: 40 });
    const option = page.locator(`#suggestions [role=option][data-filter="country"][data-value="${code}"]`);
    await option.waitFor({ timeout: 5000 });
  }
  // An ISO 3166-3 code is shown whole.
  assert.equal(await page.textContent('#suggestions [data-value="SUHH"] .code'), "SUHH");
  await page.keyboard.press("Escape");
  assert.equal(await page.inputValue("#q"), "ussr", "Esc closes the suggestions and keeps the query");
  await page.keyboard.press("Escape");
  assert.equal(await page.inputValue("#q"), "ussr", "a second Esc does not empty the box either");

  await page.goto(server.url);
  await settled(page);
  const countries = '#facets [data-facet="countries"]';
  await page.fill(`${countries} .facet__filter input`, "uk");
  await page.waitForFunction(sel => [...document.querySelectorAll(`${sel} input[type=checkbox]`)]
    .some(e => e.dataset.value === "GB"), countries);
});

test("the filter box counts within the query, as the list does", async t => {
  const page = await open(t, "?q=earthquake");
  const people = '#facets [data-facet="people"]';
  const listed = await page.$$eval(`${people} .facet__value`, list => list.map(e => ({
    id: e.querySelector("input").dataset.value, count: Number(e.querySelector(".facet__count").textContent),
  })));
  const person = listed[0];
  const label = await page.textContent(`${people} input[data-value="${person.id}"] ~ .facet__label`);
  const boxShown = await page.locator(`${people} .facet__filter input`).count();
  if (!boxShown) return t.skip("the people list is too short for a filter box");
  await page.fill(`${people} .facet__filter input`, label.split(" ").at(-1));
  await page.waitForFunction(([sel, id]) => document.querySelector(`${sel} input[data-value="${id}"]`) &&
    !document.querySelector(`${sel} .facet__more:not([hidden])`), [people, person.id]);
  const count = Number(await page.textContent(`${people} input[data-value="${person.id}"] ~ .facet__count`));
  assert.equal(count, person.count);
});

test("andrei karlov finds all three seed articles and offers Andrey Karlov as a filter", async t => {
  if (!seedsServer) return t.skip(`no seeds at ${config.seeds}`);
  const page = await open(t, "?q=andrei+karlov", { on: seedsServer });
  assert.equal(await total(page), 3);
  const offer = page.locator("#notices .notice--entities .chip--person");
  assert.match(await offer.textContent(), /Andrey Karlov\s*— 3 articles/);
  await offer.click();
  await waitForUrl(page, p => p.get("person"));
  assert.equal(await total(page), 3);
  assert.match(await page.textContent("#active-filters"), /Andrey Karlov/);
  await page.goto(`${seedsServer.url}?q=${encodeURIComponent("person:karlov")}`);
  await settled(page);
  assert.equal(await total(page), 3, "person:karlov: the surname the index resolves");
});

test("a story filed twice is one result with 1 similar story, listed in place; collapse=false in the API lists both", async t => {
  const page = await open(t, "?q=brazil+trade+surplus");
  const hits = page.locator("#results .hit");
  assert.equal(await hits.count(), 1);
  const toggle = hits.first().locator(".similar__toggle");
  assert.equal((await toggle.textContent()).trim(), "1 similar story");
  await toggle.click();
  await page.locator(".similar__list li a").first().waitFor();
  assert.equal(await page.locator(".similar__list li a").count(), 1);
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  const both = await page.evaluate(() => fetch("/api/search?q=brazil+trade+surplus&collapse=false").then(r => r.json()));
  assert.equal(both.hits.length, 2);
});

test("the histogram comes with the search, shows counts, selects a dragged range and refines within it", async t => {
  const page = await open(t, "?q=volcker");
  const bars = page.locator(".histogram__bar");
  await bars.first().waitFor();
  assert.match(await page.textContent(".histogram__readout"), /3 articles by day/);
  assert.ok(await page.locator(".histogram__count").count() >= 1 || (await bars.count()) > 14, "counts on the bars");
  const enabled = page.locator(".histogram__bar:not([disabled])");
  assert.equal(await enabled.count(), 3, "three days with Volcker stories");
  // Drag from the first day with a story to the second.
  const first = await enabled.nth(0).boundingBox(), second = await enabled.nth(1).boundingBox();
  await page.mouse.move(first.x + first.width / 2, first.y + first.height - 2);
  await page.mouse.down();
  await page.mouse.move(second.x + second.width / 2, second.y + second.height - 2, { steps: 4 });
  await page.mouse.up();
  await waitForUrl(page, p => p.get("from") === "1987-03-04" && p.get("to") === "1987-03-09");
  assert.equal(await total(page), 2);

  const wide = await open(t);
  const interval = await wide.evaluate(() => fetch("/api/search?limit=0&histogram=auto").then(r => r.json()))
    .then(r => r.histogram.interval);
  assert.equal(interval, "year", "the sample's dates span decades");
  const narrowed = await wide.evaluate(() => fetch("/api/search?limit=0&histogram=auto&from=1987-03&to=1987-03")
    .then(r => r.json()));
  assert.equal(narrowed.histogram.interval, "day", "narrowed to a month, the bars are days");
});

test("values of a facet can be required all at once, and the page says which", async t => {
  const page = await open(t);
  const people = '#facets [data-facet="people"] input[type=checkbox]';
  const ids = await page.$$eval(people, list => list.slice(0, 2).map(e => e.dataset.value));
  await page.check(`#facets input[data-value="${ids[0]}"]`);
  await waitForUrl(page, p => p.getAll("person").length === 1);
  await page.check(`#facets input[data-value="${ids[1]}"]`);
  await waitForUrl(page, p => p.getAll("person").length === 2);
  const any = await total(page);
  assert.ok(await page.isChecked("#op-person-any"), "any of these, by default");
  await page.check("#op-person-all");
  await waitForUrl(page, p => p.get("person_op") === "and");
  assert.ok(await total(page) < any, "all of these is narrower");
  assert.ok(await page.isChecked("#op-person-all"));
  assert.match(await page.textContent("#facet-people-op"), /Articles with people:\s*any of these\s*all of these/);
});

test("focus never falls to <body>: a facet box, a chip's ×, a bar, a page link, the article loading", async t => {
  const page = await open(t);
  await page.focus('#facets [data-facet="countries"] input[type=checkbox]');
  await page.keyboard.press("Space");
  await waitForUrl(page, p => p.has("country"));
  assert.notEqual(await focused(page), "body", "after Space on a facet box");

  await page.focus("#active-filters .chip");
  await page.keyboard.press("Enter");
  await waitForUrl(page, p => !p.has("country"));
  assert.notEqual(await focused(page), "body", "after Enter on a chip's ×");

  await page.focus(".histogram__bar:not([disabled])");
  await page.keyboard.press("Enter");
  await waitForUrl(page, p => p.has("from"));
  assert.notEqual(await focused(page), "body", "after Enter on a histogram bar");

  await page.goto(`${server.url}?sort=date`);
  await settled(page);
  await page.focus('#pagination a[aria-label="Next page"]');
  await page.keyboard.press("Enter");
  await waitForUrl(page, p => p.get("page") === "2");
  assert.notEqual(await focused(page), "body", "after Enter on a page link");

  await page.focus("#results .hit__title a");
  await page.keyboard.press("Enter");
  await waitForUrl(page, p => p.has("article"));
  assert.match(await focused(page), /panel__close|icon-button|entity/, "inside the article once it has loaded");
});

test("axe-core finds no violations on the home page, results, open suggestions and an open article", async t => {
  const page = await open(t);
  assert.deepEqual(await axeViolations(page), [], "home");
  await page.goto(`${server.url}?q=earthquake&country=TR`);
  await settled(page);
  assert.deepEqual(await axeViolations(page), [], "results");
  await page.fill("#q", "");
  await page.locator("#q").pressSequentially("Tur", { delay: 40 });
  await page.locator("#suggestions [role=option]").first().waitFor();
  assert.deepEqual(await axeViolations(page), [], "suggestions open");
  await page.keyboard.press("Escape");
  await page.goto(`${server.url}?q=earthquake`);
  await settled(page);
  await page.locator("#results .hit__title a").first().click();
  await waitForUrl(page, p => p.has("article"));
  assert.deepEqual(await axeViolations(page), [], "article open");
});

test("a query past the limit is refused in the page, with a plain message and no stale facets", async t => {
  const page = await open(t, "?q=earthquake");
  const searches = countRequests(page, "/api/search");
  await page.fill("#q", "earthquake ".repeat(460));
  await page.waitForFunction(() => !document.getElementById("error").hidden);
  await page.waitForTimeout(500);
  assert.equal(searches.length, 0, "nothing sent");
  const message = await page.textContent("#error");
  assert.match(message, /too long/);
  assert.doesNotMatch(message, /\bq has\b|Try again/);
  assert.equal(await page.locator("#facets .facet__value").count(), 0, "no facets of the last search beside it");
  assert.equal(await page.locator("#results .hit").count(), 0);
});

test("hard-wrapped article text reflows into paragraphs", async t => {
  const page = await open(t, "?q=volcker+dollar");
  await page.locator("#results .hit__title a").first().click();
  await waitForUrl(page, p => p.has("article"));
  const body = await page.textContent("#article-panel .article__body");
  assert.match(body, /Senate Banking Committee on Wednesday/, "a wrapped line joins the next");
  assert.match(body, /this year\.\n\n/, "a blank line still parts paragraphs");
});

test("on a phone, Show N results closes the filters and brings the results into view", async t => {
  const page = await open(t, "?q=earthquake", { viewport: { width: 390, height: 844 } });
  await page.click("#filters-toggle");
  await page.check('#facets [data-facet="countries"] input[type=checkbox] >> nth=0');
  await waitForUrl(page, p => p.has("country"));
  const button = page.locator("#show-results");
  assert.match(await button.textContent(), new RegExp(`^Show ${await total(page)} results?$`));
  await button.click();
  assert.ok(await page.locator("#sidebar").isHidden());
  assert.ok(await page.locator("#results .hit").first().isVisible());
  const top = await page.locator("#results .hit").first().evaluate(e => e.getBoundingClientRect().top);
  assert.ok(top < 844, `the first result is on screen (top ${top})`);
});
