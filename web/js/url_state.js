// Everything on screen is a function of this state, and the state is the
// address bar: reload, back/forward and a pasted link show the same page.
// Parameter names are the API's own (q, person, org, country, event, from, to, sort,
// person_op=and...).

export const FACETS = [
  { facet: "people", filter: "person", title: "People", noun: "person" },
  { facet: "organisations", filter: "org", title: "Organisations", noun: "organisation" },
  { facet: "countries", filter: "country", title: "Countries", noun: "country" },
  { facet: "events", filter: "event", title: "Events", noun: "event" },
];
export const FILTERS = FACETS.map(f => f.filter);
export const FACET_BY_FILTER = Object.fromEntries(FACETS.map(f => [f.filter, f]));
export const FACET_BY_NAME = Object.fromEntries(FACETS.map(f => [f.facet, f]));
export const SORTS = { relevance: "Relevance", "-date": "Newest first", date: "Oldest first" };
export const PAGE_SIZE = 10;
// The API refuses longer queries; the page says so before sending one.
export const MAX_QUERY_CHARS = 1000;

export function emptyState() {
  return {
    q: "", person: [], org: [], country: [], event: [], all: [], from: "", to: "", sort: "", page: 1, article: "", mark: "",
  };
}

export function stateFromUrl(search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.q = params.get("q") || "";
  for (const filter of FILTERS) state[filter] = [...new Set(params.getAll(filter).filter(v => v.trim()))];
  state.all = FILTERS.filter(filter => params.get(`${filter}_op`) === "and");
  state.from = params.get("from") || "";
  state.to = params.get("to") || "";
  const sort = params.get("sort");
  state.sort = sort in SORTS ? sort : "";
  const page = Number.parseInt(params.get("page") || "", 10);
  state.page = page >= 1 ? page : 1;
  state.article = params.get("article") || "";
  state.mark = params.get("mark") || "";
  return state;
}

export function urlFromState(state) {
  const params = scopeParams(state);
  if (state.sort) params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  if (state.article) params.set("article", state.article);
  if (state.article && state.mark) params.set("mark", state.mark);
  const query = params.toString();
  return query ? `?${query}` : location.pathname;
}

// The articles in view: query, filters, dates. `dates: false` leaves the
// date range out (the histogram shows the whole range around it).
export function scopeParams(state, { dates = true, query = true } = {}) {
  const params = new URLSearchParams();
  if (query && state.q.trim()) params.set("q", state.q);
  for (const filter of FILTERS) for (const value of state[filter]) params.append(filter, value);
  for (const filter of state.all) if (state[filter].length) params.set(`${filter}_op`, "and");
  if (dates && state.from) params.set("from", state.from);
  if (dates && state.to) params.set("to", state.to);
  return params;
}

export function effectiveSort(state) {
  return state.sort || (state.q.trim() ? "relevance" : "-date");
}

export function filterCount(state) {
  return FILTERS.reduce((n, filter) => n + state[filter].length, 0) + (state.from || state.to ? 1 : 0);
}

// The same results list? (Changing only the open article must not search again.)
export function searchKey(state) {
  const params = scopeParams(state);
  params.set("sort", state.sort);
  params.set("page", String(state.page));
  return params.toString();
}

export function withFilter(state, filter, value, on = true) {
  const values = state[filter].filter(v => v !== value);
  if (on) values.push(value);
  return { ...state, [filter]: values, page: 1 };
}

export function withoutFilters(state) {
  return { ...state, person: [], org: [], country: [], event: [], all: [], from: "", to: "", page: 1 };
}

// Whether the values of one facet must all be in an article (person_op=and) or any one.
export function withAllOf(state, filter, all) {
  const rest = state.all.filter(f => f !== filter);
  return { ...state, all: all ? [...rest, filter] : rest, page: 1 };
}

export function queryTooLong(q) {
  return [...q].length > MAX_QUERY_CHARS;
}
