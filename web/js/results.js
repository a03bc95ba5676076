// The results column: the count line, "did you mean", the hits, the
// no-results state, pages, and errors in place of results.
import { clear, formatCount, formatDate, h, highlighted, hostOf, safeHref } from "./dom.js";
import { entityMark, filterChip, labelOf } from "./entities.js";
import { FACETS, FILTERS, PAGE_SIZE, filterCount } from "./url_state.js";

const $ = id => document.getElementById(id);

export function renderStatus(response, state, actions) {
  const total = response.total;
  const count = total.exact ? formatCount(total.value) : `about ${formatCount(total.value)}`;
  const noun = total.value === 1 ? "article" : "articles";
  const first = response.offset + 1;
  const last = response.offset + response.hits.length;
  clear($("status"),
    h("strong", {}, count), ` ${noun}`,
    response.hits.length && total.value > response.hits.length
      ? h("span", { class: "muted" }, ` · showing ${formatCount(first)}–${formatCount(last)}`) : null,
    h("span", { class: "muted" }, ` · ${response.took_ms < 1 ? "<1" : Math.round(response.took_ms)} ms`));
  $("status").dataset.total = String(total.value);

  const notices = [];
  if (response.partial) {
    const answered = response.shards - response.missing_shards.length;
    notices.push(h("p", { class: "notice notice--partial", role: "status" },
      `Results from ${answered} of ${response.shards} shards: the others are unreachable.`));
  }
  // Entities the query's words name, as one-click filters ("Andrey Karlov — 3 articles").
  const offered = (response.query_entities || []).filter(entity => !state[entity.filter].includes(entity.id));
  if (offered.length) {
    notices.push(h("div", { class: "notice notice--entities" },
      h("span", { class: "notice__lead" }, "Filter by"),
      offered.map(entity => h("button", {
        type: "button", class: `chip chip--${entity.filter} chip--suggested`,
        dataset: { focusKey: `offer-${entity.filter}-${entity.id}` },
        onclick: () => actions.addFilter(entity.filter, entity.id),
      }, entityMark(entity.filter, entity.id), h("span", {}, entity.label),
      h("span", { class: "chip__count" }, `— ${formatCount(entity.articles)} ${entity.articles === 1 ? "article" : "articles"}`)))));
  }
  // With no hits the empty state offers the suggestion itself: once is enough.
  if (response.suggestion && response.suggestion !== state.q && response.hits.length) {
    notices.push(h("p", { class: "notice" }, "Did you mean ",
      h("a", { href: "#", class: "suggestion", onclick: event => { event.preventDefault(); actions.setQuery(response.suggestion); } },
        response.suggestion), "?"));
  }
  for (const note of response.notes) notices.push(h("p", { class: "notice notice--note" }, note));
  clear($("notices"), notices);
}

export function renderHits(response, state, actions) {
  const list = $("results");
  if (!response.hits.length) {
    clear(list);
    list.hidden = true;
    renderEmpty(response, state, actions);
    return;
  }
  $("empty").hidden = true;
  list.hidden = false;
  list.start = response.offset + 1;
  clear(list, response.hits.map(hit => h("li", {}, renderHit(hit, state, actions))));
}

function renderHit(hit, state, actions) {
  const source = hit.source || hostOf(hit.url);
  const original = safeHref(hit.url);
  const chips = [];
  for (const { facet, filter } of FACETS) {
    for (const entity of hit[facet].slice(0, 4)) {
      chips.push(filterChip(filter, entity, actions.addFilter, state[filter].includes(entity.id)));
    }
  }
  return h("article", { class: "hit", dataset: { id: hit.id } },
    h("h2", { class: "hit__title" },
      h("a", {
        href: actions.articleHref(hit.id),
        onclick: event => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          actions.openArticle(hit.id);
        },
      }, highlighted(hit.title_html || hit.title || hit.id))),
    h("p", { class: "hit__meta" },
      hit.date ? h("time", { datetime: hit.date.slice(0, 10) }, formatDate(hit.date)) : h("span", {}, "Undated"),
      source ? [h("span", { class: "sep", "aria-hidden": "true" }, "·"), h("span", {}, source)] : null,
      original ? [h("span", { class: "sep", "aria-hidden": "true" }, "·"),
        h("a", { href: original, class: "hit__original", target: "_blank", rel: "noopener noreferrer" }, "Original ↗")] : null),
    hit.snippet ? h("p", { class: "hit__snippet" }, highlighted(hit.snippet)) : null,
    chips.length ? h("div", { class: "chips", role: "group", "aria-label": "Filter by" }, chips) : null,
    hit.near_duplicates ? nearDuplicates(hit, actions) : null);
}

// "N similar stories": the near-duplicates collapsed into this hit, listed in place when asked for.
function nearDuplicates(hit, actions) {
  const listId = `similar-${hit.id}`.replace(/[^\w-]/g, "_");
  const list = h("ul", { class: "similar__list", id: listId, hidden: true });
  const noun = hit.near_duplicates === 1 ? "similar story" : "similar stories";
  const toggle = h("button", {
    type: "button", class: "link-button similar__toggle", "aria-expanded": "false", "aria-controls": listId,
    dataset: { focusKey: `similar-toggle-${hit.id}` },
    onclick: async () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      list.hidden = !open;
      if (!open || list.childElementCount) return;
      list.append(h("li", { class: "muted" }, "Loading…"));
      try {
        const others = await actions.nearDuplicates(hit);
        clear(list, others.map(other => h("li", {},
          h("a", {
            href: actions.articleHref(other.id),
            onclick: event => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              actions.openArticle(other.id);
            },
          }, other.title || other.id),
          other.date ? h("span", { class: "muted" }, ` · ${formatDate(other.date)}`) : null)));
      } catch (error) {
        clear(list, h("li", { class: "muted" }, error.message));
      }
    },
  }, `${formatCount(hit.near_duplicates)} ${noun}`);
  return h("div", { class: "similar" }, toggle, list);
}

function renderEmpty(response, state, actions) {
  const empty = $("empty");
  if (response.total.value > 0) {  // a page past the end (an old link, or the list shrank)
    const last = Math.max(1, Math.ceil(response.total.value / PAGE_SIZE));
    clear(empty, h("h2", {}, "No more results"),
      h("p", {}, `Page ${state.page} is past the end: these ${formatCount(response.total.value)} articles fill ${last === 1 ? "one page" : `${last} pages`}.`),
      h("div", { class: "empty__actions" },
        h("button", { type: "button", class: "button button--small button--primary", onclick: () => actions.goPage(last) }, `Go to page ${last}`)));
    empty.hidden = false;
    return;
  }
  const removals = [];
  for (const filter of FILTERS) {
    for (const id of state[filter]) {
      removals.push(h("button", { type: "button", class: "button button--small", onclick: () => actions.removeFilter(filter, id) },
        `Remove “${labelOf(filter, id)}”`));
    }
  }
  if (state.from || state.to) {
    removals.push(h("button", { type: "button", class: "button button--small", onclick: actions.clearDates }, "Any date"));
  }
  const filters = filterCount(state);
  const q = state.q.trim();
  let message;
  if (q && filters) message = ["Nothing matches ", h("q", {}, q), ` with ${filters === 1 ? "this filter" : "these filters"}.`];
  else if (q) message = ["Nothing matches ", h("q", {}, q), ". Check the spelling, or try fewer or other words."];
  else message = [`No article has ${filters === 1 ? "this filter" : "all these filters"}.`];
  // A lone word that starts the name of a person, organisation, country or event: offer it
  // as a filter ("Erdo" finds no article, but Recep Tayyip Erdoğan does).
  const entities = h("div", { class: "empty__actions empty__entities" });
  if (q && !/\s/.test(q) && [...q].length >= 2) {
    actions.entitiesNamed(q).then(found => {
      if (!found.length || !empty.contains(entities)) return;
      clear(entities, h("span", { class: "empty__lead" }, "Or filter by"), found.map(({ filter, value }) =>
        h("button", {
          type: "button", class: "chip chip--suggested", onclick: () => actions.replaceQueryWithFilter(filter, value.id),
        }, entityMark(filter, value.id), h("span", {}, value.label), h("span", { class: "chip__count" }, formatCount(value.count)))));
    }, () => {});
  }
  clear(empty,
    h("h2", {}, "No results"),
    h("p", {}, message),
    response.suggestion ? h("p", {}, "Try ", h("a", { href: "#", onclick: e => { e.preventDefault(); actions.setQuery(response.suggestion); } }, response.suggestion), ".") : null,
    removals.length ? h("div", { class: "empty__actions" }, removals,
      removals.length > 1 ? h("button", { type: "button", class: "button button--small button--primary", onclick: actions.clearFilters }, "Clear all filters") : null) : null,
    entities);
  empty.hidden = false;
}

export function renderPages(response, state, actions) {
  const nav = $("pagination");
  const pages = Math.min(Math.ceil(response.total.value / PAGE_SIZE), Math.floor(10000 / PAGE_SIZE) + 1);
  if (pages <= 1) {
    clear(nav);
    nav.hidden = true;
    return;
  }
  nav.hidden = false;
  const current = state.page;
  const link = (page, text, label, extra = "") => page === current
    ? h("span", { class: `page page--current ${extra}`, "aria-current": "page" }, text)
    : h("a", {
      class: `page ${extra}`, href: actions.pageHref(page), "aria-label": label, dataset: { focusKey: `page-${text}` },
      onclick: event => { event.preventDefault(); actions.goPage(page); },
    }, text);
  const items = [];
  items.push(current > 1 ? link(current - 1, "← Previous", "Previous page", "page--step") : null);
  const shown = new Set([1, pages, current - 1, current, current + 1].filter(p => p >= 1 && p <= pages));
  let previous = 0;
  for (const page of [...shown].sort((a, b) => a - b)) {
    if (page - previous > 1) items.push(h("span", { class: "page page--gap", "aria-hidden": "true" }, "…"));
    items.push(link(page, String(page), `Page ${page}`));
    previous = page;
  }
  items.push(current < pages ? link(current + 1, "Next →", "Next page", "page--step") : null);
  clear(nav, items);
}

export function renderError(error, retry) {
  $("results").hidden = true;
  $("empty").hidden = true;
  $("pagination").hidden = true;
  clear($("notices"));
  clear($("status"), h("span", { class: "muted" }, "No results to show"));
  const box = $("error");
  clear(box,
    h("h2", {}, error.status === 0 ? "Server unavailable" : "The search could not be run"),
    h("p", { class: "error__message" }, error.message),
    h("button", { type: "button", class: "button button--small", onclick: retry }, "Try again"));
  box.hidden = false;
}

// A query past the API's limit, refused before it is sent.
export function renderTooLong(length, limit) {
  clear($("results"));
  $("results").hidden = true;
  $("empty").hidden = true;
  $("pagination").hidden = true;
  clear($("notices"));
  delete $("status").dataset.total;
  clear($("status"), h("span", { class: "muted" }, "No search run"));
  const box = $("error");
  clear(box,
    h("h2", {}, "This search is too long"),
    h("p", { class: "error__message" },
      `It has ${formatCount(length)} characters; a search can have at most ${formatCount(limit)}. Shorten it to search.`));
  box.hidden = false;
}

export function clearError() {
  const box = $("error");
  box.hidden = true;
  clear(box);
}
