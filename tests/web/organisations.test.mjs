// The Organisations panel in a real browser (Debian's Chromium), against the
// real server over the searcher tests' facet index (tests/facet_test_index.h):
// Merrill Lynch under three spellings in three market reports, Société
// Générale with and without diacritics in three, the Anadolu Agency in the
// Ankara story. The panel beside People, ticking, chips, the address bar,
// the filter box, suggestions and the article view.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { facetTestIndex, launchBrowser, screenshotPath, settled, startServer, waitForUrl } from "./harness.mjs";

let server;
let browser;

before(async () => {
  server = await startServer({ index: facetTestIndex() });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// A fresh tab at `path`, settled; page errors and dialogs must stay empty.
async function open(t, path = "") {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", error => problems.push(`page error: ${error.message}`));
  page.on("dialog", dialog => { problems.push(`dialog: ${dialog.message()}`); dialog.dismiss().catch(() => {}); });
  t.after(async () => {
    await page.close();
    assert.deepEqual(problems, [], "no script errors and no dialogs");
  });
  await page.goto(server.url + path);
  await settled(page);
  return page;
}

const organisations = '#facets [data-facet="organisations"]';
const total = page => page.$eval("#status", e => Number(e.dataset.total));
const panelValues = page =>
  page.$$eval(`${organisations} .facet__value`, list => list.map(e => ({
    id: e.querySelector("input").dataset.value, label: e.querySelector(".facet__label").textContent,
    count: Number(e.querySelector(".facet__count").textContent), checked: e.querySelector("input").checked,
  })));

test("an Organisations panel beside People lists each organisation once, by article count", async t => {
  const page = await open(t);
  assert.deepEqual(await page.$$eval("#facets [data-facet]", list => list.map(e => e.dataset.facet)),
    ["people", "organisations", "countries", "events"]);
  assert.equal(await page.textContent(`${organisations} .facet__heading`), "Organisations");
  assert.deepEqual(await panelValues(page), [
    { id: "merrill-lynch", label: "Merrill Lynch", count: 3, checked: false },
    { id: "societe-generale", label: "Société Générale", count: 3, checked: false },
    { id: "anadolu-agency", label: "Anadolu Agency", count: 1, checked: false },
  ]);
});

test("ticking an organisation filters by it, shows it as a chip, and survives reload and back", async t => {
  const page = await open(t, "?q=grain");
  assert.equal(await total(page), 23);
  await page.check(`${organisations} input[data-value="merrill-lynch"]`);
  await waitForUrl(page, p => p.getAll("org").includes("merrill-lynch"));
  assert.equal(await total(page), 3);
  assert.deepEqual(await page.$$eval("#active-filters .chip", list => list.map(c => c.textContent)), ["Remove filter Merrill Lynch×"]);
  const pressed = await page.$$eval("#results .hit", hits => hits.map(hit =>
    [...hit.querySelectorAll(".chip--org[aria-pressed=true]")].map(c => c.textContent).join()));
  assert.deepEqual(pressed, ["Merrill Lynch", "Merrill Lynch", "Merrill Lynch"], "every result names Merrill Lynch");
  const values = await panelValues(page);
  assert.ok(values.find(v => v.id === "merrill-lynch").checked);
  assert.equal(values.find(v => v.id === "societe-generale").count, 3, "disjunctive: the others show what they would add");
  await page.screenshot({ path: screenshotPath("10-organisation-filter"), animations: "disabled" });

  await page.reload();
  await settled(page);
  assert.equal(await total(page), 3);
  assert.ok((await panelValues(page)).find(v => v.id === "merrill-lynch").checked);

  // A second organisation widens the results (values of one facet are OR'd).
  await page.check(`${organisations} input[data-value="societe-generale"]`);
  await waitForUrl(page, p => p.getAll("org").length === 2);
  assert.equal(await total(page), 5);
  await page.getByRole("button", { name: "Remove filter Merrill Lynch" }).click();
  await waitForUrl(page, p => p.getAll("org").join() === "societe-generale");
  assert.equal(await total(page), 3);
  await page.goBack();
  await waitForUrl(page, p => p.getAll("org").length === 2);
  assert.equal(await total(page), 5);
});

test("a chip in a result adds its organisation as a filter", async t => {
  const page = await open(t, "?q=forecast");
  await page.click('#results .chip--org:has-text("Merrill Lynch")');
  await waitForUrl(page, p => p.get("org") === "merrill-lynch");
  assert.equal(await total(page), 1);
  assert.match(await page.innerHTML("#results .hit__snippet"), /<mark>Merrill Lynch<\/mark> expects/);
});

test("the search box suggests organisations by any word of their name", async t => {
  const page = await open(t);
  await page.locator("#q").pressSequentially("gener", { delay: 40 });
  const option = page.locator('#suggestions [role=option][data-filter="org"]');
  await option.first().waitFor();
  assert.equal(await option.first().getAttribute("data-value"), "societe-generale");
  assert.match(await page.textContent("#suggestions"), /Organisations/);
  await option.first().click();
  await waitForUrl(page, p => p.get("org") === "societe-generale" && !p.get("q"));
  assert.equal(await total(page), 3);
});

test("the article view lists the article's organisations and marks their mentions", async t => {
  const page = await open(t, "?article=market-1");
  const row = page.locator('#article-panel .entities__row:has(h3:text-is("Organisations"))');
  assert.equal(await row.locator(".entity__label").allTextContents().then(list => list.join()), "Merrill Lynch");
  assert.equal(await row.locator(".entity__mentions").textContent(), "2");
  assert.equal(await page.locator("#article-panel .article__body mark").count(), 0);
  await row.locator(".entity__mark").click();
  await waitForUrl(page, p => p.get("mark") === "org:merrill-lynch");
  await page.waitForFunction(() => document.querySelectorAll("#article-panel .article__body mark").length === 2);
  assert.deepEqual(await page.locator("#article-panel .article__body mark").allTextContents(),
    ["Merrill Lynch & Co Inc", "Merrill Lynch"]);
  await page.screenshot({ path: screenshotPath("11-organisation-article"), animations: "disabled" });
  await row.locator(".entity__filter").click();
  await waitForUrl(page, p => p.get("org") === "merrill-lynch");
  assert.equal(await total(page), 3);
});
