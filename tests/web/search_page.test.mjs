// The search page in a real browser (Debian's Chromium) against the real
// server over the sample corpus: what a reader types, ticks and clicks, and
// what they then see. Screenshots of the main states go to
// NEWSFACET_SCREENSHOTS (build/web-screenshots/ from ctest).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { config, launchBrowser, screenshotPath, settled, startServer, waitForUrl } from "./harness.mjs";

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// A fresh tab at `path`, settled; page errors and dialogs are collected and
// must stay empty (checked when the tab is closed).
async function open(t, path = "", { viewport } = {}) {
  const page = await browser.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const problems = [];
  page.on("pageerror", error => problems.push(`page error: ${error.message}`));
  // The server's Content-Security-Policy must let the page do all it does.
  page.on("console", message => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  page.on("dialog", dialog => { problems.push(`dialog: ${dialog.message()}`); dialog.dismiss().catch(() => {}); });
  t.after(async () => {
    await page.close();
    assert.deepEqual(problems, [], "no script errors and no dialogs");
  });
  page.problems = problems;
  await page.goto(server.url + path);
  await settled(page);
  return page;
}

// What a reader sees, to compare before and after a reload or back/forward.
function screen(page) {
  return page.evaluate(() => {
    const texts = selector => [...document.querySelectorAll(selector)].map(e => e.textContent.trim());
    const panel = document.getElementById("article-panel");
    return {
      search: location.search,
      q: document.getElementById("q").value,
      status: document.getElementById("status").textContent.replace(/·\s*(<1|\d+) ms/, "").trim(),
      titles: texts("#results:not([hidden]) .hit__title"),
      checked: [...document.querySelectorAll("#facets input:checked")].map(e => `${e.dataset.filter}:${e.dataset.value}`),
      filters: texts("#active-filters .chip"),
      sort: document.getElementById("sort").value,
      empty: !document.getElementById("empty").hidden,
      article: panel.open ? document.getElementById("article-title")?.textContent : null,
      marks: panel.open ? texts("#article-panel .article__body mark") : [],
    };
  });
}

const total = page => page.$eval("#status", e => Number(e.dataset.total));
const titles = page => page.$$eval("#results .hit__title", list => list.map(e => e.textContent));
const facetValues = (page, facet) =>
  page.$$eval(`#facets [data-facet="${facet}"] .facet__value`, list => list.map(e => ({
    id: e.querySelector("input").dataset.value, label: e.querySelector(".facet__label").textContent,
    count: Number(e.querySelector(".facet__count").textContent), checked: e.querySelector("input").checked,
  })));

test("typing a query searches as you type and highlights the matches", async t => {
  const page = await open(t);
  await page.locator(".histogram__bar").first().waitFor();
  await page.screenshot({ path: screenshotPath("00-home"), animations: "disabled" });
  const historyBefore = await page.evaluate(() => history.length);
  await page.locator("#q").pressSequentially("earthquake", { delay: 40 });
  await waitForUrl(page, p => p.get("q") === "earthquake");
  assert.ok(await total(page) >= 3, "several earthquake articles");
  const marks = await page.$$eval("#results .hit mark", list => list.map(m => m.textContent.toLowerCase()));
  assert.ok(marks.length >= 3 && marks.every(m => m.startsWith("earthquake")), `marked: ${marks}`);
  assert.match(await page.textContent("#results .hit__title mark"), /earthquake/i, "titles are highlighted too");
  assert.match(await page.textContent("#status"), /^\d+ articles/);
  assert.equal(await page.evaluate(() => history.length), historyBefore + 1, "one history entry for the whole word");
  await page.screenshot({ path: screenshotPath("01-results"), animations: "disabled" });
});

test("ticking a country narrows the results and changes the other facets' counts", async t => {
  const page = await open(t, "?q=earthquake");
  const before = await total(page);
  const countriesBefore = await facetValues(page, "countries");
  const turkey = countriesBefore.find(v => v.id === "TR");
  assert.ok(turkey && turkey.count < before, "Turkey is one country among several");
  assert.ok((await facetValues(page, "people")).some(v => v.label === "Budi Santoso"), "an Indonesian in the people facet");

  await page.check('#facets input[data-filter="country"][data-value="TR"]');
  await waitForUrl(page, p => p.getAll("country").includes("TR"));
  assert.equal(await total(page), turkey.count, "the total is Turkey's count");
  const countries = await facetValues(page, "countries");
  assert.ok(countries.find(v => v.id === "TR").checked);
  assert.ok(countries.some(v => v.id === "ID" && v.count > 0), "disjunctive: other countries still show what they would add");
  assert.ok(!(await facetValues(page, "people")).some(v => v.label === "Budi Santoso"), "people counts follow the filter");
  const chips = await page.$$eval("#results .hit", hits => hits.map(hit =>
    [...hit.querySelectorAll(".chip--country[aria-pressed=true]")].map(c => c.textContent).join()));
  assert.ok(chips.every(text => text.includes("Turkey")), "every result is about Turkey");
  // The chip is named by its text: "Remove filter" is there for screen readers only.
  assert.deepEqual(await page.$$eval("#active-filters .chip", list => list.map(c => c.textContent)), ["Remove filter TRTurkey×"]);
  await page.screenshot({ path: screenshotPath("02-country-filter"), animations: "disabled" });

  await page.click('#results .hit .chip--event');  // a chip in a result adds its filter too
  await waitForUrl(page, p => p.getAll("event").length === 1);
  assert.equal(await page.locator("#active-filters .chip").count(), 2);
});

test("a person and a country chosen from the suggestions become filters", async t => {
  const page = await open(t);
  await page.locator("#q").pressSequentially("Erdo", { delay: 40 });
  const option = page.locator('#suggestions [role=option][data-filter="person"]', { hasText: "Erdoğan" });
  await option.waitFor({ timeout: 5000 });
  assert.equal(await page.getAttribute("#q", "aria-expanded"), "true");
  await page.screenshot({ path: screenshotPath("03-suggestions"), animations: "disabled" });
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.getAttribute("#q", "aria-activedescendant"), await option.getAttribute("id"));
  await page.keyboard.press("Enter");
  await waitForUrl(page, p => p.getAll("person").includes("recep-tayyip-erdogan") && !p.get("q"));
  assert.equal(await page.inputValue("#q"), "", "the typed prefix gives way to the filter");
  assert.match(await page.textContent("#active-filters"), /Recep Tayyip Erdoğan/);
  assert.ok(await total(page) >= 1);
  assert.ok(await page.isChecked('#facets input[data-filter="person"][data-value="recep-tayyip-erdogan"]'));

  await page.locator("#q").pressSequentially("Tur", { delay: 40 });
  const turkey = page.locator('#suggestions [role=option][data-filter="country"][data-value="TR"]');
  await turkey.waitFor({ timeout: 5000 });
  await turkey.click();
  await waitForUrl(page, p => p.getAll("country").includes("TR") && p.getAll("person").length === 1);
  assert.ok(await page.locator("#suggestions").isHidden());
});

test("an article opens with the query and the chosen entity marked, and Esc closes it", async t => {
  const page = await open(t, "?q=earthquake&country=TR");
  const first = page.locator("#results .hit").first();
  const id = await first.getAttribute("data-id");
  await first.locator(".hit__title a").click();
  await waitForUrl(page, p => p.get("article") === id);
  assert.ok(await page.locator("#article-panel").evaluate(d => d.open));
  assert.match(await page.textContent("#article-title mark"), /earthquake/i);
  let marks = await page.$$eval("#article-panel .article__body mark", list => list.map(m => m.textContent));
  assert.ok(marks.some(m => /earthquake/i.test(m)) && marks.includes("Turkey"), `query and filter marked: ${marks}`);

  await page.click('#article-panel .entity__mark:has-text("Ayşe Yılmaz")');
  await waitForUrl(page, p => p.get("mark") === "person:ayse-yilmaz");
  marks = await page.$$eval("#article-panel .article__body mark", list => list.map(m => m.textContent));
  assert.ok(marks.some(m => /^Ay[sş]e Y[iı]lmaz$/.test(m)), `the person's mentions marked: ${marks}`);
  await page.screenshot({ path: screenshotPath("04-article"), animations: "disabled" });

  await page.keyboard.press("Escape");
  await waitForUrl(page, p => !p.has("article"));
  assert.equal(await page.locator("#article-panel").evaluate(d => d.open), false);
  assert.equal(await page.evaluate(() => document.activeElement.closest(".hit")?.dataset.id), id, "focus back on the result");
});

test("keyboard: / focuses the search box, arrows move through results, Enter opens, Esc closes", async t => {
  const page = await open(t, "?q=earthquake");
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "q");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const second = await page.evaluate(() => document.activeElement.closest(".hit")?.dataset.id);
  assert.equal(second, await page.locator("#results .hit").nth(1).getAttribute("data-id"));
  await page.keyboard.press("Enter");
  await waitForUrl(page, p => p.get("article") === second);
  await page.keyboard.press("Escape");
  await waitForUrl(page, p => !p.has("article"));
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  assert.equal(await page.evaluate(() => document.activeElement.id), "q");
});

test("reload shows the same screen: query, filters, sort, page and open article", async t => {
  const page = await open(t, "?q=earthquake");
  await page.check('#facets input[data-filter="country"][data-value="TR"]');
  await waitForUrl(page, p => p.has("country"));
  await page.selectOption("#sort", "date");
  await waitForUrl(page, p => p.get("sort") === "date");
  await page.locator("#results .hit__title a").nth(1).click();
  await waitForUrl(page, p => p.has("article"));
  const shown = await screen(page);
  assert.ok(shown.article && shown.titles.length >= 2 && shown.checked.length === 1);
  await page.reload();
  await settled(page);
  assert.deepEqual(await screen(page), shown);

  await page.goto(`${server.url}?sort=date`);  // and a later page of a long list
  await settled(page);
  await page.click('#pagination a[aria-label="Next page"]');
  await waitForUrl(page, p => p.get("page") === "2");
  const second = await screen(page);
  await page.reload();
  await settled(page);
  assert.deepEqual(await screen(page), second);
});

test("back and forward restore each screen", async t => {
  const page = await open(t);
  const screens = [await screen(page)];
  await page.locator("#q").pressSequentially("earthquake", { delay: 30 });
  await waitForUrl(page, p => p.get("q") === "earthquake");
  screens.push(await screen(page));
  await page.check('#facets input[data-filter="country"][data-value="TR"]');
  await waitForUrl(page, p => p.has("country"));
  screens.push(await screen(page));
  await page.locator("#results .hit__title a").first().click();
  await waitForUrl(page, p => p.has("article"));
  screens.push(await screen(page));

  for (let i = screens.length - 2; i >= 0; --i) {
    await page.goBack();
    await settled(page);
    assert.deepEqual(await screen(page), screens[i], `back to screen ${i}`);
  }
  for (let i = 1; i < screens.length; ++i) {
    await page.goForward();
    await settled(page);
    assert.deepEqual(await screen(page), screens[i], `forward to screen ${i}`);
  }
});

test("no results offers to drop each filter, or all of them", async t => {
  const page = await open(t, "?q=earthquake&country=TR&person=budi-santoso");
  assert.equal(await total(page), 0);
  assert.ok(await page.locator("#empty").isVisible());
  assert.ok(await page.locator("#results").isHidden());
  const buttons = await page.$$eval("#empty button", list => list.map(b => b.textContent));
  assert.deepEqual(buttons, ["Remove “Budi Santoso”", "Remove “Turkey”", "Clear all filters"]);
  await page.screenshot({ path: screenshotPath("05-no-results"), animations: "disabled" });

  await page.click('#empty button:has-text("Remove “Turkey”")');
  await waitForUrl(page, p => !p.has("country"));
  assert.equal(await total(page), 1, "Budi Santoso's earthquake");
  await page.goBack();
  await settled(page);
  await page.click('#empty button:has-text("Clear all filters")');
  await waitForUrl(page, p => !p.has("country") && !p.has("person") && p.get("q") === "earthquake");
  assert.ok(await total(page) >= 3);

  // A name's first letters find its articles: the page matches the last word as a prefix.
  await page.goto(`${server.url}?q=Erdo`);
  await settled(page);
  assert.ok(await total(page) >= 1);
  assert.ok(await page.locator("#empty").isHidden());
});

test("a query with <script> in it shows as text and runs nothing", async t => {
  const page = await open(t);
  const query = '<script>alert(1)</script><img src=x onerror=alert(2)>"><b>bold';
  await page.fill("#q", query);
  await waitForUrl(page, p => p.get("q") === query);
  await page.waitForTimeout(300);
  assert.equal(await page.textContent("#empty q"), query, "the query appears as typed");
  assert.equal(await page.locator("img, #empty b, #empty script").count(), 0, "no element came from the query");
  assert.equal(await page.locator("script").count(), 1, "only the page's own module");
  assert.equal(await page.title(), `${query} – newsfacet`);
  assert.deepEqual(page.problems, []);
});

test("API errors and a vanished server show a readable message", async t => {
  const page = await open(t, "?from=2019-13");
  assert.ok(await page.locator("#error").isVisible());
  assert.match(await page.textContent("#error"), /from must be a date as YYYY-MM-DD/);
  await page.screenshot({ path: screenshotPath("06-api-error"), animations: "disabled" });

  await page.goto(`${server.url}?q=earthquake`);
  await settled(page);
  await page.route("**/api/**", route => route.abort("connectionrefused"));
  await page.fill("#q", "flood");
  await waitForUrl(page, p => p.get("q") === "flood");
  assert.match(await page.textContent("#error .error__message"), /can’t be reached/);
  await page.unroute("**/api/**");
  await page.click('#error button:has-text("Try again")');
  await settled(page);
  assert.ok(await page.locator("#error").isHidden());
  assert.ok(await total(page) >= 1);
});

test("an older answer never replaces a newer one", async t => {
  const page = await open(t);
  await page.route(/\/api\/search\?.*q=slow/, async route => {
    await new Promise(resolve => setTimeout(resolve, 1200));
    await route.continue().catch(() => {});  // the page may have given up on it: that's the point
  });
  await page.fill("#q", "slow");
  await page.waitForRequest(/\/api\/search\?.*q=slow/);
  await page.fill("#q", "earthquake");
  await waitForUrl(page, p => p.get("q") === "earthquake");
  await page.waitForTimeout(1500);
  assert.equal(await page.inputValue("#q"), "earthquake");
  assert.ok(await total(page) >= 3);
  assert.match((await titles(page)).join(" "), /earthquake/i);
});

test("'did you mean' offers the API's suggestion", async t => {
  const page = await open(t);
  // The sample index has no spelling data, so the API's suggestion is filled in here.
  await page.route(/\/api\/search\?.*q=earthqake/, async route => {
    const response = await route.fetch();
    const body = await response.json();
    await route.fulfill({ response, json: { ...body, suggestion: "earthquake" } });
  });
  await page.fill("#q", "earthqake");
  await waitForUrl(page, p => p.get("q") === "earthqake");
  await page.click("#notices .suggestion, #empty a");
  await waitForUrl(page, p => p.get("q") === "earthquake");
  assert.ok(await total(page) >= 3);
});

test("the date histogram and range narrow the results to a period", async t => {
  const page = await open(t);
  const bars = page.locator(".histogram__bar:not([disabled])");
  await bars.first().waitFor();
  const bar = bars.nth(2);
  const label = await bar.getAttribute("aria-label");
  const count = Number(/: (\d+) article/.exec(label)[1]);
  await bar.click();
  await waitForUrl(page, p => p.has("from") && p.has("to"));
  assert.equal(await total(page), count, label);
  assert.equal(await page.inputValue("#date-from"), new URL(page.url()).searchParams.get("from"));
  await page.fill("#date-from", "2019-01-01");
  await page.fill("#date-to", "2019-12-31");
  await page.dispatchEvent("#date-to", "change");
  await waitForUrl(page, p => p.get("from") === "2019-01-01" && p.get("to") === "2019-12-31");
  const dates = await page.$$eval("#results time", list => list.map(t => t.getAttribute("datetime")));
  assert.ok(dates.length && dates.every(d => d.startsWith("2019")), `${dates}`);
});

test("long facets show more on request and filter their values", async t => {
  const page = await open(t);
  const people = '#facets [data-facet="people"]';
  const shown = await page.locator(`${people} .facet__value`).count();
  await page.click(`${people} .facet__more`);
  assert.ok(await page.locator(`${people} .facet__value`).count() > shown);
  await page.fill(`${people} .facet__filter input`, "ayse");
  await page.waitForFunction(sel => [...document.querySelectorAll(`${sel} .facet__label`)].map(e => e.textContent).join() === "Ayşe Yılmaz", people);
  await page.check(`${people} input[data-value="ayse-yilmaz"]`);
  await waitForUrl(page, p => p.get("person") === "ayse-yilmaz");
});

test("at phone width: one column, filters behind a button", async t => {
  const page = await open(t, "?q=earthquake&country=TR", { viewport: { width: 390, height: 844 } });
  assert.ok(await page.locator("#sidebar").isHidden());
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "nothing wider than the screen");
  await page.screenshot({ path: screenshotPath("07-phone"), animations: "disabled" });
  await page.click("#filters-toggle");
  assert.ok(await page.locator("#sidebar").isVisible());
  await page.screenshot({ path: screenshotPath("08-phone-filters"), animations: "disabled" });
  await page.click("#results .hit__title a >> nth=0");
  await waitForUrl(page, p => p.has("article"));
  await page.screenshot({ path: screenshotPath("09-phone-article"), animations: "disabled" });
});

test("page load: time to first results and the size of the page's own files", async t => {
  const page = await browser.newPage();
  t.after(() => page.close());
  const own = [];
  page.on("requestfinished", request => {
    const url = new URL(request.url());
    if (url.origin === new URL(server.url).origin && !url.pathname.startsWith("/api/")) own.push(request);
  });
  await page.goto(`${server.url}?q=earthquake`);
  await settled(page);
  const timing = await page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0];
    return {
      firstResults: performance.getEntriesByName("newsfacet:first-results")[0].startTime,
      domContentLoaded: navigation.domContentLoadedEventEnd,
    };
  });
  let content = 0;      // the files as written
  let transferred = 0;  // as sent: compressed when the server gzips, with headers
  for (const request of own) {
    const sizes = await request.sizes();
    transferred += sizes.responseBodySize + sizes.responseHeadersSize;
    content += (await (await request.response()).body()).length;
  }
  const kB = bytes => `${(bytes / 1024).toFixed(1)} kB`;
  const report = `page load: first results ${timing.firstResults.toFixed(0)} ms after navigation start ` +
    `(DOMContentLoaded ${timing.domContentLoaded.toFixed(0)} ms); the page's own files: ${own.length}, ` +
    `${kB(content)} as written, ${kB(transferred)} transferred`;
  t.diagnostic(report);
  assert.ok(transferred < 100 * 1024, `under 100 kB transferred (${transferred} bytes)`);
  assert.ok(content < 100 * 1024, `under 100 kB as written (${content} bytes)`);
  t.diagnostic(`screenshots in ${config.screenshots}`);
});
