// The search page: state in the address bar, one render path from it, and
// the wiring between the search box, facets, results and article panel.
import { getJson, isAbort } from "./api.js";
import { ArticlePanel } from "./article.js";
import { formatCount } from "./dom.js";
import { rememberEntities } from "./entities.js";
import { FACET_LIMIT, renderActiveFilters, renderFacets } from "./facets.js";
import { clearError, renderError, renderHits, renderPages, renderStatus } from "./results.js";
import { Suggester } from "./suggest.js";
import { buckets, renderTimeline, setDateBounds, syncDateInputs } from "./timeline.js";
import {
  FACETS, FACET_BY_FILTER, PAGE_SIZE, effectiveSort, emptyState, filterCount, scopeParams, searchKey,
  stateFromUrl, urlFromState, withFilter, withoutFilters,
} from "./url_state.js";

const $ = id => document.getElementById(id);
const input = $("q");
const TYPING_DELAY_MS = 200;

let state = stateFromUrl(location.search);
let searched = null;       // searchKey() of the results on screen (or on their way)
let searchSeq = 0;
let searchController = null;
let timelineKey = null;
let timelineSeq = 0;
let timelineController = null;
let bars = null;
let pendingScroll = null;  // where to scroll once the results are drawn
let firstResults = true;
let openedFrom = "";       // the hit whose article is open, to give the focus back

// The index's size and date range; asked again after a failure (the server may be back).
let statsAnswer = null;
const stats = () => statsAnswer ||= getJson("/api/stats").catch(() => { statsAnswer = null; return null; });

const withParams = (params, extra) => {
  const copy = new URLSearchParams(params);
  for (const [name, value] of Object.entries(extra)) copy.set(name, String(value));
  return copy;
};

const actions = {
  addFilter: (filter, id) => navigate(withFilter(state, filter, id, true)),
  toggleFilter: (filter, id, on) => navigate(withFilter(state, filter, id, on)),
  removeFilter: (filter, id) => navigate(withFilter(state, filter, id, false)),
  clearFilters: () => navigate(withoutFilters(state)),
  clearDates: () => navigate({ ...state, from: "", to: "", page: 1 }),
  setDates: (from, to) => {
    if (from && to && from > to) [from, to] = [to, from];
    navigate({ ...state, from, to, page: 1 });
  },
  setQuery: q => {
    input.value = q;
    navigate({ ...state, q, page: 1 });
  },
  openArticle: id => navigate({ ...state, article: id, mark: "" }),
  closeArticle: () => navigate({ ...state, article: "", mark: "" }),
  setMark: mark => navigate({ ...state, mark }, { replace: true }),
  articleHref: id => urlFromState({ ...state, article: id, mark: "" }),
  pageHref: page => urlFromState({ ...state, page, article: "", mark: "" }),
  goPage: page => navigate({ ...state, page }, { toResults: true }),
  entitiesNamed: async prefix => {
    const lists = await Promise.all(FACETS.map(info =>
      actions.facetValues(info.facet, prefix, 3).then(values => values.map(value => ({ filter: info.filter, value })))));
    return lists.flat().filter(found => !found.value.selected).slice(0, 5);
  },
  replaceQueryWithFilter: (filter, id) => {
    input.value = "";
    navigate({ ...withFilter(state, filter, id, true), q: "" });
  },
  facetValues: (facet, prefix, limit = FACET_LIMIT) =>
    getJson(`/api/facets/${facet}`, withParams(scopeParams(state, { query: false }), { prefix, limit })).then(r => r.values),
};

// Every change of what is on screen goes through here: a new history entry
// (or, while typing, the same one updated), then the page drawn from state.
function navigate(next, { replace = false, typing = false, toResults = false } = {}) {
  rememberScroll();
  const entry = { typing, scrollY: toResults ? 0 : window.scrollY };
  if (replace) history.replaceState(entry, "", urlFromState(next));
  else history.pushState(entry, "", urlFromState(next));
  state = next;
  update({ scrollTo: toResults ? 0 : null });
}

function rememberScroll() {
  history.replaceState({ ...(history.state || {}), scrollY: window.scrollY }, "", location.href);
}

function update({ scrollTo = null } = {}) {
  document.title = state.q.trim() ? `${state.q.trim()} – newsfacet` : "newsfacet – news archive search";
  $("sort").value = effectiveSort(state);
  syncDateInputs(state);
  const filters = filterCount(state);
  $("filters-count").textContent = filters ? String(filters) : "";
  renderActiveFilters(state, actions);

  const key = searchKey(state);
  if (key !== searched) {
    searched = key;
    pendingScroll = scrollTo;
    runSearch();
  } else if (scrollTo !== null) {
    window.scrollTo(0, scrollTo);
  }
  const scope = scopeParams(state, { dates: false }).toString();
  if (scope !== timelineKey) {
    timelineKey = scope;
    runTimeline();
  } else {
    renderTimeline(bars, state, actions);
  }
  if (state.article) openedFrom = state.article;
  article.show(state, `${state.article}?${scopeParams(state)}&${state.mark}`).then(() => {
    if (!state.article && openedFrom) {
      const link = document.querySelector(`#results .hit[data-id="${CSS.escape(openedFrom)}"] .hit__title a`);
      openedFrom = "";
      link?.focus({ preventScroll: true });
    }
  });
}

async function runSearch() {
  const seq = ++searchSeq;
  searchController?.abort();
  searchController = new AbortController();
  const params = scopeParams(state);
  if (state.sort) params.set("sort", state.sort);
  params.set("offset", String((state.page - 1) * PAGE_SIZE));
  params.set("limit", String(PAGE_SIZE));
  params.set("facets", FACETS.map(f => f.facet).join(","));
  params.set("facet_limit", String(FACET_LIMIT));
  const shown = { ...state };
  $("main").setAttribute("aria-busy", "true");
  try {
    const response = await getJson("/api/search", params, searchController.signal);
    if (seq !== searchSeq) return;  // a newer search is on its way: never draw an older answer over it
    clearError();
    response.hits.forEach(rememberEntities);
    renderFacets(response.facets, shown, actions);
    renderActiveFilters(shown, actions);
    renderStatus(response, shown, actions);
    renderHits(response, shown, actions);
    renderPages(response, shown, actions);
    if (firstResults) {
      firstResults = false;
      performance.mark("newsfacet:first-results");
    }
  } catch (error) {
    if (isAbort(error) || seq !== searchSeq) return;
    renderError(error, () => { searched = null; timelineKey = null; update(); });
  } finally {
    if (seq === searchSeq) {
      $("main").removeAttribute("aria-busy");
      if (pendingScroll !== null) window.scrollTo(0, pendingScroll);
      pendingScroll = null;
    }
  }
}

async function runTimeline() {
  const seq = ++timelineSeq;
  timelineController?.abort();
  timelineController = new AbortController();
  const signal = timelineController.signal;
  const info = await stats();
  const range = info?.date_range;
  if (!range?.first || !range?.last) {
    if (info) $("dates").hidden = true;  // an index without dates; no answer: try again next time
    else timelineKey = null;
    return;
  }
  const base = withParams(scopeParams(state, { dates: false }), { limit: 0, facets: "" });
  const periods = buckets(range.first, range.last);
  try {
    const counts = await Promise.all(periods.map(period =>
      getJson("/api/search", withParams(base, { from: period.from, to: period.to }), signal).then(r => r.total.value)));
    if (seq !== timelineSeq) return;
    bars = periods.map((period, i) => ({ ...period, count: counts[i] }));
  } catch (error) {
    if (isAbort(error) || seq !== timelineSeq) return;
    bars = null;  // the search itself reports what went wrong
  }
  renderTimeline(bars, state, actions);
}

const article = new ArticlePanel($("article-panel"), {
  fetchArticle: (shown, signal) => {
    const params = scopeParams(shown, { dates: false });
    const [filter, ...rest] = shown.mark.split(":");
    if (FACET_BY_FILTER[filter] && rest.length) params.append(filter, rest.join(":"));
    return getJson(`/api/article/${encodeURIComponent(shown.article)}`, params, signal);
  },
  close: actions.closeArticle,
  addFilter: actions.addFilter,
  setMark: actions.setMark,
});

const suggester = new Suggester(input, $("suggestions"), {
  fetchValues: actions.facetValues,
  onChoose: (filter, id, token) => {
    clearTimeout(typingTimer);
    const value = input.value;
    const q = (value.slice(0, token.start) + value.slice(token.end)).replace(/\s+/g, " ").trim();
    input.value = q;
    navigate({ ...withFilter(state, filter, id, true), q });
  },
});

// Search as you type: the first keystroke of a burst adds a history entry,
// the rest update it, so Back goes to the previous search, not the previous letter.
let typingTimer = 0;
input.addEventListener("input", () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    if (input.value === state.q) return;
    navigate({ ...state, q: input.value, page: 1, article: "", mark: "" },
      { replace: Boolean(history.state?.typing), typing: true });
  }, TYPING_DELAY_MS);
});

$("search-form").addEventListener("submit", event => {
  event.preventDefault();
  clearTimeout(typingTimer);
  suggester.close();
  if (input.value !== state.q) {
    navigate({ ...state, q: input.value, page: 1, article: "", mark: "" }, { replace: Boolean(history.state?.typing) });
  }
  history.replaceState({ ...(history.state || {}), typing: false }, "", location.href);
});

$("sort").addEventListener("change", event => navigate({ ...state, sort: event.target.value, page: 1 }));
for (const name of ["from", "to"]) {
  $(`date-${name}`).addEventListener("change", () => actions.setDates($("date-from").value, $("date-to").value));
}

$("brand").addEventListener("click", event => {
  event.preventDefault();
  input.value = "";
  navigate(emptyState());
});

$("filters-toggle").addEventListener("click", event => {
  const open = event.currentTarget.getAttribute("aria-expanded") !== "true";
  event.currentTarget.setAttribute("aria-expanded", String(open));
  $("sidebar").classList.toggle("is-open", open);
});

window.addEventListener("popstate", event => {
  state = stateFromUrl(location.search);
  clearTimeout(typingTimer);
  input.value = state.q;
  suggester.close();
  update({ scrollTo: event.state?.scrollY ?? 0 });
});
window.addEventListener("pagehide", rememberScroll);

// Keyboard: "/" to search, arrows through the results, Enter opens (the
// link's own behaviour), Esc closes (the panel's dialog).
document.addEventListener("keydown", event => {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || article.isOpen) return;
  const target = event.target;
  const editing = target instanceof Element &&
    target.closest("input:not([type=checkbox]):not([type=radio]):not([type=button]), textarea, select, [contenteditable]");
  if (event.key === "/" && !editing) {
    event.preventDefault();
    input.focus();
    input.select();
    return;
  }
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  if (editing && !(target === input && event.key === "ArrowDown" && !suggester.isOpen)) return;
  const links = [...document.querySelectorAll("#results:not([hidden]) .hit__title a")];
  if (!links.length) return;
  const hit = target instanceof Element ? target.closest(".hit") : null;
  const at = hit ? links.indexOf(hit.querySelector(".hit__title a")) : -1;
  if (!hit && target !== input && target !== document.body) return;
  event.preventDefault();
  if (event.key === "ArrowUp" && at <= 0) {
    if (at === 0) input.focus();
    return;
  }
  const next = links[event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1];
  next.focus();
  next.closest(".hit").scrollIntoView({ block: "nearest" });
});

stats().then(info => {
  if (!info) return;
  if (info.articles) input.placeholder = `Search ${formatCount(info.articles)} articles — words, “a phrase”, a person, a company, a country`;
  setDateBounds(info.date_range?.first, info.date_range?.last);
});

history.scrollRestoration = "manual";
input.value = state.q;
if (!history.state) history.replaceState({ typing: false, scrollY: 0 }, "", location.href);
update({ scrollTo: history.state?.scrollY ?? 0 });
