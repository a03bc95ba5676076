// What the browser tests stand on: the real `newsfacet serve` on a free
// loopback port over the sample corpus's index, and Debian's Chromium driven
// by playwright-core. Builds nothing: the binary and paths come from the
// environment (see README.md), as the ctest command passes them.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = path.resolve(here, "../..");

const binary = path.resolve(process.env.NEWSFACET_BIN || path.join(sourceDir, "build/newsfacet"));
export const config = {
  binary,
  facetIndexWriter: path.resolve(process.env.NEWSFACET_FACET_INDEX_WRITER ||
    path.join(path.dirname(binary), "write_facet_test_index")),
  index: process.env.NEWSFACET_INDEX ? path.resolve(process.env.NEWSFACET_INDEX) : "",
  corpus: path.resolve(process.env.NEWSFACET_CORPUS || path.join(sourceDir, "corpus")),
  web: path.resolve(process.env.NEWSFACET_WEB || path.join(sourceDir, "web")),
  chromium: process.env.CHROMIUM || "/usr/bin/chromium",
  // The seed articles (three reports of Andrey Karlov's killing); tests using them skip without.
  seeds: path.resolve(process.env.NEWSFACET_SEEDS || path.join(sourceDir, "../shared/seeds")),
  screenshots: path.resolve(process.env.NEWSFACET_SCREENSHOTS || path.join(path.dirname(binary), "web-screenshots")),
};

const temporary = [];
function tempDir(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

// The index to serve: NEWSFACET_INDEX if it exists, else built there (or in
// a temporary directory) from the corpus with `newsfacet index`.
function ensureIndex() {
  if (!existsSync(config.binary)) throw new Error(`no newsfacet binary at ${config.binary}: build it, or set NEWSFACET_BIN`);
  const index = config.index || path.join(tempDir("newsfacet-web-index-"), "index");
  if (existsSync(index)) return index;
  const run = spawnSync(config.binary, ["index", config.corpus, "--index", index], { encoding: "utf8", timeout: 120_000 });
  if (run.status !== 0 && run.status !== 1) {  // 1: some files skipped as errors, the rest indexed
    throw new Error(`newsfacet index ${config.corpus} failed (${run.status}):\n${run.stderr}`);
  }
  return index;
}

// An index of the articles in `corpus`, built in a temporary directory.
export function indexOf(corpus) {
  const index = path.join(tempDir("newsfacet-web-index-"), "index");
  const run = spawnSync(config.binary, ["index", corpus, "--index", index], { encoding: "utf8", timeout: 120_000 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`newsfacet index ${corpus} failed (${run.status}):\n${run.stderr}`);
  return index;
}

// A temporary directory to write articles into (removed at exit).
export const scratchDir = prefix => tempDir(prefix);

// The searcher tests' facet index (tests/facet_test_index.h), written into
// a temporary directory by the write_facet_test_index tool: hand-made
// entities, organisations among them.
export function facetTestIndex() {
  if (!existsSync(config.facetIndexWriter)) {
    throw new Error(`no write_facet_test_index at ${config.facetIndexWriter}: build it, or set NEWSFACET_FACET_INDEX_WRITER`);
  }
  const index = path.join(tempDir("newsfacet-web-facet-index-"), "index");
  const run = spawnSync(config.facetIndexWriter, [index], { encoding: "utf8", timeout: 60_000 });
  if (run.status !== 0) throw new Error(`write_facet_test_index failed (${run.status}):\n${run.stderr}`);
  return index;
}

const servers = new Set();

// Starts `newsfacet serve --port 0` over `index` (by default the corpus's,
// see ensureIndex), with `args` added to its command line, and resolves to
// {url, stop}. The server
// is stopped by stop(), when this process exits, and after `lifetimeMs`
// whatever happens; a shell watchdog also kills it if this process dies
// without running its exit handlers (its stdin pipe then closes).
export async function startServer({ lifetimeMs = 180_000, index = ensureIndex(), args = [] } = {}) {
  const watchdog = 'trap "" INT; "$0" "$@" </dev/null & server=$!; echo "watchdog: $server" >&2; ' +
    'cat >/dev/null; kill -TERM $server 2>/dev/null; sleep 2; kill -KILL $server 2>/dev/null; wait $server';
  const child = spawn("/bin/sh", ["-c", watchdog, config.binary, "serve", "--index", index, "--port", "0",
    "--host", "127.0.0.1", "--web", config.web, "--quiet", ...args], { stdio: ["pipe", "pipe", "pipe"] });
  const server = { child, url: "", log: "" };
  servers.add(server);
  child.stderr.on("data", chunk => { server.log += chunk; });
  const stop = () => new Promise(resolve => {
    if (!servers.delete(server)) return resolve();
    clearTimeout(timer);
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", resolve);
    child.stdin.end();  // the watchdog stops the server, then exits
    setTimeout(() => { child.kill("SIGKILL"); resolve(); }, 5000).unref();
  });
  const timer = setTimeout(() => { console.error("# newsfacet serve outlived its time: stopping it"); stop(); }, lifetimeMs);
  timer.unref();
  server.url = await new Promise((resolve, reject) => {
    let out = "";
    const fail = message => reject(new Error(`${message}\n${server.log}`));
    const startTimer = setTimeout(() => fail("newsfacet serve did not print its URL within 15 s"), 15_000);
    child.stdout.on("data", chunk => {
      out += chunk;
      const match = /newsfacet: serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match) { clearTimeout(startTimer); resolve(match[1]); }
    });
    child.once("exit", code => { clearTimeout(startTimer); fail(`newsfacet serve exited (${code}) before serving`); });
  });
  return { url: server.url, stop, logs: () => server.log };
}

function stopAllNow() {
  for (const { child } of servers) {
    try { child.stdin.end(); } catch { /* already gone */ }
  }
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
}
process.on("exit", stopAllNow);
for (const [signal, number] of [["SIGINT", 2], ["SIGTERM", 15], ["SIGHUP", 1]]) {
  process.on(signal, () => { stopAllNow(); process.exit(128 + number); });
}

// Debian's Chromium, headless, in a fresh profile; nothing is downloaded.
export async function launchBrowser() {
  if (!existsSync(config.chromium)) throw new Error(`no Chromium at ${config.chromium}: apt-get install chromium`);
  const profile = tempDir("newsfacet-web-profile-");
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: config.chromium,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
      "--no-first-run", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1360, height: 900 },
    timeout: 60_000,
  });
  return context;
}

// Waits until no search is in flight and what the URL asks for is drawn.
export async function settled(page) {
  await page.waitForFunction(() => {
    const main = document.getElementById("main");
    const drawn = document.getElementById("status").dataset.total !== undefined || !document.getElementById("error").hidden;
    const article = new URLSearchParams(location.search).get("article");
    const panel = document.getElementById("article-panel");
    const articleDrawn = article ? panel.open && !panel.hasAttribute("aria-busy") &&
      (document.getElementById("article-title") || panel.querySelector(".error")) : !panel.open;
    return !main.hasAttribute("aria-busy") && drawn && articleDrawn;
  }, null, { timeout: 10_000 });
}

export async function waitForUrl(page, predicate) {
  await page.waitForURL(url => predicate(new URL(url).searchParams), { timeout: 10_000 });
  await settled(page);
}

export function screenshotPath(name) {
  mkdirSync(config.screenshots, { recursive: true });
  return path.join(config.screenshots, `${name}.png`);
}
