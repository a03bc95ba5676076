// Estimated counts in a real browser: a server whose count limit is one
// match a shard (newsfacet serve --count-limit 1) estimates every count of
// a search with more, from a sample; the page must say so ("about" before
// the total, "≈" before each facet count) and say nothing of the kind for
// counts that are exact.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { facetTestIndex, launchBrowser, settled, startServer } from "./harness.mjs";

let estimating;
let exact;
let browser;

before(async () => {
  estimating = await startServer({ index: facetTestIndex(), args: ["--count-limit", "1"] });
  exact = await startServer({ index: facetTestIndex() });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await estimating?.stop();
  await exact?.stop();
});

async function counts(t, server) {
  const page = await browser.newPage();
  t.after(() => page.close());
  await page.goto(`${server.url}?q=market`);
  await settled(page);
  return {
    status: await page.$eval("#status", e => e.textContent),
    facetCounts: await page.$$eval("#facets .facet__count", list => list.map(e => e.textContent)),
  };
}

test("past the count limit the total reads 'about' and every facet count '≈'", async t => {
  const { status, facetCounts } = await counts(t, estimating);
  assert.match(status, /about/);
  assert.ok(facetCounts.length > 0, "facet values are shown");
  for (const count of facetCounts) assert.match(count, /^≈ \d/);
});

test("exact counts carry neither", async t => {
  const { status, facetCounts } = await counts(t, exact);
  assert.doesNotMatch(status, /about/);
  assert.ok(facetCounts.length > 0, "facet values are shown");
  for (const count of facetCounts) assert.match(count, /^\d/);
});
