// The search page: state in the address bar, one render path from it, and
// the wiring between the search box, facets, results and article panel.
import { getJson, isAbort } from "./api.js";
import { ArticlePanel } from "./article.js";
import { formatCount } from "./dom.js";
import { rememberEntities } from "./entities.js";
import { FACET_LIMIT, renderActiveFilters, renderFacets } from "./facets.js";
import { restoreFocus, trackFocus } from "./focus.js";
import { clearError, renderError, renderHits, renderPages, renderStatus, renderTooLong } from "./results.js";
import { Suggester } from "./suggest.js";
import { renderTimeline, setDateBounds, syncDateInputs } from "./timeline.js";
import {
  FACETS, FACET_BY_FILTER, MAX_QUERY_CHARS, PAGE_SIZE, effectiveSort, emptyState, filterCount, queryTooLong,
  scopeParams, searchKey, stateFromUrl, urlFromState, withAllOf, withFilter, withoutFilters,
} from "./url_state.js";

const $ = id => document.getElementById(id);
const input = $("q");
const TYPING_DELAY_MS = 200;

let state = stateFromUrl(location.search);
let searched = null;       // searchKey() of the results on screen (or on their way)
let searchSeq = 0;
let searchController = null;
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

// What the API is asked about: the state's scope, with the query's last word
// also matched as a prefix (the page searches as the reader types, and
// "volc" should find Volcker, not nothing).
function apiScope(shown, options) {
  const params = scopeParams(shown, options);
  if (params.has("q")) params.set("partial", "true");
  return params;
}

// Every facet's values starting with `prefix`, in one request.
const suggestions = (prefix, limit) =>
  getJson("/api/suggest", withParams(scopeParams(state, { query: false }), { prefix, limit })).then(r => r.facets);

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
  setAllOf: (filter, all) => navigate(withAllOf(state, filter, all)),
  entitiesNamed: async prefix => {
    const facets = await suggestions(prefix, 3);
    return FACETS.flatMap(info => (facets[info.facet] || []).map(value => ({ filter: info.filter, value })))
      .filter(found => !found.value.selected).slice(0, 5);
  },
  nearDuplicates: hit => getJson("/api/search", new URLSearchParams({
    near_duplicates_of: hit.near_duplicate_key, collapse: "false", facets: "", limit: "20", sort: "date",
  })).then(r => r.hits.filter(other => other.id !== hit.id)),
  replaceQueryWithFilter: (filter, id) => {
    input.value = "";
    navigate({ ...withFilter(state, filter, id, true), q: "" });
  },
  // A facet's filter box counts within the current query, as the list does.
  facetValues: (facet, prefix, limit = FACET_LIMIT) =>
    getJson(`/api/facets/${facet}`, withParams(apiScope(state), { prefix, limit })).then(r => r.values),
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
  if (queryTooLong(state.q)) {
    // Refused here, before sending: a plain message, and nothing of the last results beside it.
    searched = null;
    ++searchSeq;
    searchController?.abort();
    $("main").removeAttribute("aria-busy");
    renderTooLong([...state.q].length, MAX_QUERY_CHARS);
    renderFacets({}, state, actions);
    renderTimeline(null, state, actions);
  } else if (key !== searched) {
    searched = key;
    pendingScroll = scrollTo;
    runSearch();
  } else if (scrollTo !== null) {
    window.scrollTo(0, scrollTo);
  }
  restoreFocus();
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
  const params = apiScope(state);
  if (state.sort) params.set("sort", state.sort);
  params.set("offset", String((state.page - 1) * PAGE_SIZE));
  params.set("limit", String(PAGE_SIZE));
  params.set("facets", FACETS.map(f => f.facet).join(","));
  params.set("facet_limit", String(FACET_LIMIT));
  params.set("histogram", "auto");  // the timeline comes with the results: one request
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
    renderTimeline(response.histogram, shown, actions);
    showResultsButton(response.total);
    restoreFocus();
    if (firstResults) {
      firstResults = false;
      performance.mark("newsfacet:first-results");
    }
  } catch (error) {
    if (isAbort(error) || seq !== searchSeq) return;
    renderError(error, () => { searched = null; update(); });
    renderFacets({}, shown, actions);  // no counts from an older search beside the error
    renderTimeline(null, shown, actions);
    restoreFocus();
  } finally {
    if (seq === searchSeq) {
      $("main").removeAttribute("aria-busy");
      if (pendingScroll !== null) window.scrollTo(0, pendingScroll);
      pendingScroll = null;
    }
  }
}

// On phones the filters are a sheet over the results: this button says what
// they give and closes it.
function showResultsButton(total) {
  const noun = total.value === 1 ? "result" : "results";
  $("show-results").textContent = `Show ${total.exact ? "" : "about "}${formatCount(total.value)} ${noun}`;
}

function closeFilterSheet() {
  $("filters-toggle").setAttribute("aria-expanded", "false");
  $("sidebar").classList.remove("is-open");
}

const article = new ArticlePanel($("article-panel"), {
  fetchArticle: (shown, signal) => {
    const params = apiScope(shown, { dates: false });
    const [filter, ...rest] = shown.mark.split(":");
    if (FACET_BY_FILTER[filter] && rest.length) params.append(filter, rest.join(":"));
    return getJson(`/api/article/${encodeURIComponent(shown.article)}`, params, signal);
  },
  close: actions.closeArticle,
  addFilter: actions.addFilter,
  setMark: actions.setMark,
});

const suggester = new Suggester(input, $("suggestions"), {
  fetchSuggestions: suggestions,
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
$("show-results").addEventListener("click", () => {
  closeFilterSheet();
  $("results-heading").focus({ preventScroll: true });
  $("results-heading").scrollIntoView({ block: "start" });
});

// Esc in the search box closes the suggestions; it never empties the box
// (the browser's own Esc on a search field would).
input.addEventListener("keydown", event => {
  if (event.key === "Escape") event.preventDefault();
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

trackFocus($("results-heading"));
history.scrollRestoration = "manual";
input.value = state.q;
if (!history.state) history.replaceState({ typing: false, scrollY: 0 }, "", location.href);
update({ scrollTo: history.state?.scrollY ?? 0 });
