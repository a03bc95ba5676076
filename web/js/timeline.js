// Matching articles over time (the search's own date histogram, one bar per
// day, week, month or year as the API chose for the dates in view), and the
// from/to date range. A bar, or a run of bars dragged across, narrows the
// dates; the next search then returns finer bars within them.
import { clear, formatCount, h } from "./dom.js";

const COUNTS_ON_BARS = 14;  // up to this many bars, each shows its count
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" });
const utc = iso => new Date(`${iso}T00:00:00Z`);

function label(bucket, interval) {
  switch (interval) {
    case "day": return dayFormat.format(utc(bucket.from));
    case "week": return `Week of ${dayFormat.format(utc(bucket.from))}`;
    case "month": return monthFormat.format(utc(bucket.from));
    default: return bucket.from.slice(0, 4) === bucket.to.slice(0, 4) ? bucket.from.slice(0, 4)
      : `${bucket.from.slice(0, 4)}–${bucket.to.slice(0, 4)}`;
  }
}

const articles = n => `${formatCount(n)} ${n === 1 ? "article" : "articles"}`;

export function renderTimeline(histogram, state, actions) {
  const chart = document.getElementById("histogram");
  const bars = histogram?.buckets || [];
  if (!bars.length) {
    clear(chart);
    chart.hidden = true;
    return;
  }
  chart.hidden = false;
  const total = bars.reduce((sum, bar) => sum + bar.count, 0);
  if (total === 0) {
    clear(chart, h("p", { class: "facet__none" }, "No dated articles in these results."));
    return;
  }
  const max = Math.max(1, ...bars.map(b => b.count));
  const labels = bars.map(bar => label(bar, histogram.interval));
  const readout = h("p", { class: "histogram__readout", "aria-hidden": "true" });
  const showTotal = () => { readout.textContent = `${articles(total)} by ${histogram.interval}`; };
  showTotal();

  // Dragging across bars selects the run of them; a click is a run of one.
  let dragFrom = -1;
  const buttons = [];
  const mark = (a, b) => buttons.forEach((button, i) =>
    button.classList.toggle("is-dragged", a >= 0 && i >= Math.min(a, b) && i <= Math.max(a, b)));
  const choose = (a, b) => {
    const first = bars[Math.min(a, b)], last = bars[Math.max(a, b)];
    const same = state.from === first.from && state.to === last.to;
    actions.setDates(same ? "" : first.from, same ? "" : last.to);
  };
  const onUp = event => {
    document.removeEventListener("pointerup", onUp);
    const over = event.target instanceof Element ? event.target.closest(".histogram__bar") : null;
    const to = over ? buttons.indexOf(over) : -1;
    const from = dragFrom;
    dragFrom = -1;
    mark(-1, -1);
    if (from >= 0 && to >= 0 && to !== from) choose(from, to);
  };

  const few = bars.length <= COUNTS_ON_BARS;
  bars.forEach((bar, i) => {
    const selected = state.from === bar.from && state.to === bar.to;
    const button = h("button", {
      type: "button",
      class: `histogram__bar${selected ? " is-active" : ""}`,
      dataset: { focusKey: `bar-${bar.from}` },
      "aria-pressed": String(selected),
      "aria-label": `${labels[i]}: ${articles(bar.count)}`,
      title: `${labels[i]}: ${articles(bar.count)}`,
      disabled: bar.count === 0 && !selected,
      onpointerdown: event => {
        if (event.button !== 0) return;
        dragFrom = i;
        document.addEventListener("pointerup", onUp);
      },
      onpointerenter: () => {
        readout.textContent = `${labels[i]}: ${articles(bar.count)}`;
        if (dragFrom >= 0) mark(dragFrom, i);
      },
      onpointerleave: showTotal,
      onfocus: () => { readout.textContent = `${labels[i]}: ${articles(bar.count)}`; },
      onblur: showTotal,
      onclick: () => choose(i, i),  // pointer clicks end a drag of one bar; keys press Enter or Space
    },
    few && bar.count ? h("span", { class: "histogram__count", "aria-hidden": "true" }, formatCount(bar.count)) : null,
    h("span", { class: "histogram__fill", style: `height:${Math.max(bar.count ? 6 : 0, Math.round((bar.count / max) * 100))}%` }));
    button.addEventListener("pointerdown", event => event.target.releasePointerCapture?.(event.pointerId));
    buttons.push(button);
  });
  clear(chart,
    h("div", { class: "histogram__bars", role: "group", "aria-label": `Articles by ${histogram.interval}: choose a period, or drag across several` },
      buttons),
    h("div", { class: "histogram__axis", "aria-hidden": "true" },
      h("span", {}, labels[0]), bars.length > 1 ? h("span", {}, labels[labels.length - 1]) : null),
    readout);
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
