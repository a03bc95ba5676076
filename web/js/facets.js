// The facet sidebar (People, Organisations, Countries, Events: multi-select with the API's
// disjunctive counts, "show more", a filter box in long lists) and the
// active filters shown above the results.
import { clear, formatCount, formatDate, h } from "./dom.js";
import { entityMark, labelOf, rememberLabel } from "./entities.js";
import { FACETS, FILTERS, filterCount } from "./url_state.js";

export const FACET_LIMIT = 50;  // values asked for per facet
const SHORT_LIST = 6;           // shown before "show more"
const FILTER_BOX_FROM = 8;      // values from which a list gets a filter box

// What the reader did to each list; kept across searches, not in the URL.
const view = Object.fromEntries(FACETS.map(f => [f.facet, { expanded: false, collapsed: false, filter: "", seq: 0 }]));

export function renderFacets(facets, state, actions) {
  const container = document.getElementById("facets");
  clear(container, FACETS.map(info => renderFacet(info, facets[info.facet], state, actions)));
}

function renderFacet(info, result, state, actions) {
  const { facet, filter, title } = info;
  const ui = view[facet];
  const values = result ? result.values : [];
  for (const v of values) rememberLabel(filter, v.id, v.label);
  const bodyId = `facet-${facet}-body`;
  const selected = state[filter].length;
  const list = h("ul", { class: "facet__values", id: `facet-${facet}-values` });
  const body = h("div", { class: "facet__body", id: bodyId, hidden: ui.collapsed });
  const allOf = state.all.includes(filter);
  const section = h("section", { class: "facet", dataset: { facet }, "aria-labelledby": `facet-${facet}-heading` },
    h("h2", { class: "facet__heading", id: `facet-${facet}-heading` },
      h("button", {
        type: "button", class: "facet__toggle", "aria-expanded": String(!ui.collapsed), "aria-controls": bodyId,
        onclick: event => {
          ui.collapsed = !ui.collapsed;
          body.hidden = ui.collapsed;
          event.currentTarget.setAttribute("aria-expanded", String(!ui.collapsed));
        },
      }, h("span", {}, title), selected ? h("span", { class: "facet__badge", "aria-label": `${selected} selected` }, String(selected)) : null,
      h("span", { class: "chevron", "aria-hidden": "true" }))),
    body);
  if (selected >= 2) body.append(opChoice(info, allOf, actions));

  if (!values.length && !ui.filter) {
    body.append(h("p", { class: "facet__none" }, `No ${title.toLowerCase()} in these results.`));
    return section;
  }
  const drawList = (shownValues, filtered) => {
    // Collapsed, a list shows its top values and whatever is ticked.
    const visible = filtered || ui.expanded ? shownValues : shownValues.filter((v, i) => i < SHORT_LIST || v.selected);
    clear(list, visible.map(value => facetValue(filter, value, result.exact !== false, actions)));
    if (filtered && !shownValues.length) list.append(h("li", { class: "facet__none" }, "No match."));
    const hiddenCount = shownValues.length - (filtered || ui.expanded ? 0 : visible.length);
    more.hidden = filtered || (!ui.expanded && hiddenCount === 0) || shownValues.length <= SHORT_LIST;
    more.textContent = ui.expanded ? "Show fewer" : `Show ${hiddenCount} more`;
    more.setAttribute("aria-expanded", String(ui.expanded));
  };
  const more = h("button", {
    type: "button", class: "facet__more", "aria-controls": list.id,
    onclick: () => { ui.expanded = !ui.expanded; drawList(values, false); },
  });
  if (values.length >= FILTER_BOX_FROM || ui.filter) {
    const runFilter = async text => {
      ui.filter = text;
      const seq = ++ui.seq;
      if (!text.trim()) return drawList(values, false);
      const found = await actions.facetValues(facet, text.trim()).catch(() => null);
      if (seq !== ui.seq || !found) return;
      for (const v of found) rememberLabel(filter, v.id, v.label);
      drawList(found, true);
    };
    let timer;
    body.append(h("label", { class: "facet__filter" },
      h("span", { class: "visually-hidden" }, `Filter ${title.toLowerCase()}`),
      h("input", {
        type: "search", placeholder: `Filter ${title.toLowerCase()}…`, value: ui.filter, autocomplete: "off",
        oninput: event => { clearTimeout(timer); const text = event.target.value; timer = setTimeout(() => runFilter(text), 150); },
      })));
    if (ui.filter.trim()) runFilter(ui.filter);
  }
  body.append(list, more);
  drawList(values, false);
  return section;
}

// With two or more values ticked: must an article have any of them (the
// default) or all? Said in words, and changed with a radio pair.
function opChoice({ filter, facet, title }, allOf, actions) {
  const name = `op-${filter}`;
  const option = (all, text) => h("label", { class: "facet__op-option" },
    h("input", {
      type: "radio", name, id: `${name}-${all ? "all" : "any"}`, value: all ? "and" : "or", checked: all === allOf,
      onchange: () => actions.setAllOf(filter, all),
    }), text);
  return h("fieldset", { class: "facet__op", id: `facet-${facet}-op` },
    h("legend", {}, `Articles with ${title.toLowerCase()}:`),
    option(false, "any of these"), option(true, "all of these"));
}

// An estimated count (past the engine's count limit) shows as "≈ 1,200".
function facetValue(filter, value, exact, actions) {
  const id = `fv-${filter}-${value.id}`.replace(/[^\w-]/g, "_");
  return h("li", {},
    h("label", { class: `facet__value${value.selected ? " is-selected" : ""}`, for: id },
      h("input", {
        type: "checkbox", id, checked: value.selected, dataset: { filter, value: value.id },
        onchange: event => actions.toggleFilter(filter, value.id, event.target.checked),
      }),
      entityMark(filter, value.id),
      h("span", { class: "facet__label" }, value.label),
      h("span", { class: "facet__count", "aria-label": `${exact ? "" : "about "}${value.count} articles` },
        `${exact ? "" : "≈ "}${formatCount(value.count)}`)));
}

export function renderActiveFilters(state, actions) {
  const bar = document.getElementById("active-filters");
  const chips = [];
  for (const filter of FILTERS) {
    for (const id of state[filter]) {
      const label = labelOf(filter, id);
      // Named by its visible text (no aria-label that would differ from it).
      chips.push(h("li", {}, h("button", {
        type: "button", class: `chip chip--${filter} chip--removable`, dataset: { focusKey: `chip-${filter}-${id}` },
        onclick: () => actions.removeFilter(filter, id),
      }, h("span", { class: "visually-hidden" }, "Remove filter "), entityMark(filter, id), h("span", {}, label),
      h("span", { class: "chip__x", "aria-hidden": "true" }, "×"))));
    }
  }
  if (state.from || state.to) {
    const text = state.from && state.to ? `${formatDate(state.from)} – ${formatDate(state.to)}`
      : state.from ? `From ${formatDate(state.from)}` : `Until ${formatDate(state.to)}`;
    chips.push(h("li", {}, h("button", {
      type: "button", class: "chip chip--date chip--removable", dataset: { focusKey: "chip-dates" },
      onclick: actions.clearDates,
    }, h("span", { class: "visually-hidden" }, "Remove date range "), h("span", {}, text),
    h("span", { class: "chip__x", "aria-hidden": "true" }, "×"))));
  }
  if (!chips.length) {
    clear(bar);
    bar.hidden = true;
    return;
  }
  bar.hidden = false;
  clear(bar,
    h("span", { class: "active-filters__title", id: "active-filters-title" }, "Filters"),
    h("ul", { class: "active-filters__list", "aria-labelledby": "active-filters-title" }, chips),
    filterCount(state) > 0 ? h("button", { type: "button", class: "link-button", onclick: actions.clearFilters }, "Clear all") : null);
}
