// Matching articles over time, and the from/to date range. The API has no
// date histogram, so each bar is its own count-only search (limit=0, no
// facets) over that period: exact, and cheap at a dozen or two bars.
import { clear, formatCount, h } from "./dom.js";

const MAX_BARS = 24;
const pad = n => String(n).padStart(2, "0");
const lastDay = (year, month) => new Date(Date.UTC(year, month, 0)).getUTCDate();  // month 1-12

// Periods covering the index's date range: months over two years or less,
// else years (several years a bar past MAX_BARS years).
export function buckets(first, last) {
  const [fy, fm] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  const months = (ly - fy) * 12 + (lm - fm) + 1;
  const result = [];
  if (months <= MAX_BARS) {
    for (let i = 0; i < months; ++i) {
      const y = fy + Math.floor((fm - 1 + i) / 12), m = ((fm - 1 + i) % 12) + 1;
      result.push({
        from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}`,
        label: new Date(Date.UTC(y, m - 1, 1)).toLocaleString("en", { month: "short", year: "numeric", timeZone: "UTC" }),
      });
    }
    return result;
  }
  const years = ly - fy + 1;
  const step = Math.ceil(years / MAX_BARS);
  for (let y = fy; y <= ly; y += step) {
    const end = Math.min(y + step - 1, ly);
    result.push({ from: `${y}-01-01`, to: `${end}-12-31`, label: end === y ? String(y) : `${y}–${end}` });
  }
  return result;
}

export function renderTimeline(bars, state, actions) {
  const chart = document.getElementById("histogram");
  if (!bars || !bars.length) {
    clear(chart);
    chart.hidden = true;
    return;
  }
  chart.hidden = false;
  if (bars.every(bar => bar.count === 0)) {
    clear(chart, h("p", { class: "facet__none" }, "No dated articles in these results."));
    return;
  }
  const max = Math.max(1, ...bars.map(b => b.count));
  const inRange = bar => (!state.from || bar.to >= state.from) && (!state.to || bar.from <= state.to);
  const ranged = Boolean(state.from || state.to);
  clear(chart,
    h("div", { class: "histogram__bars", role: "group", "aria-label": "Articles over time: choose a period" },
      bars.map(bar => {
        const active = ranged && inRange(bar);
        const selected = state.from === bar.from && state.to === bar.to;
        return h("button", {
          type: "button",
          class: `histogram__bar${active ? " is-active" : ""}${ranged && !active ? " is-outside" : ""}`,
          "aria-pressed": String(selected),
          "aria-label": `${bar.label}: ${formatCount(bar.count)} ${bar.count === 1 ? "article" : "articles"}`,
          title: `${bar.label}: ${formatCount(bar.count)}`,
          disabled: bar.count === 0 && !selected,
          onclick: () => selected ? actions.setDates("", "") : actions.setDates(bar.from, bar.to),
        }, h("span", { class: "histogram__fill", style: `height:${Math.max(bar.count ? 6 : 0, Math.round((bar.count / max) * 100))}%` }));
      })),
    h("div", { class: "histogram__axis", "aria-hidden": "true" },
      h("span", {}, bars[0].label), bars.length > 1 ? h("span", {}, bars[bars.length - 1].label) : null));
}

export function syncDateInputs(state) {
  for (const name of ["from", "to"]) {
    const input = document.getElementById(`date-${name}`);
    const value = /^\d{4}-\d{2}-\d{2}$/.test(state[name]) ? state[name] : "";
    if (input.value !== value) input.value = value;
  }
}

export function setDateBounds(first, last) {
  for (const name of ["from", "to"]) {
    const input = document.getElementById(`date-${name}`);
    if (first) input.min = first;
    if (last) input.max = last;
  }
}
