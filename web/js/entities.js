// People, organisations, countries and events as the page shows them: chips, flags, and the
// labels of filter values (the URL holds ids; the API tells their labels).
import { h } from "./dom.js";
import { FACETS, FACET_BY_FILTER } from "./url_state.js";

const labels = new Map();  // "country:TR" → "Turkey"

export function rememberLabel(filter, id, label) {
  if (id && label) labels.set(`${filter}:${id}`, label);
}

export function labelOf(filter, id) {
  return labels.get(`${filter}:${id}`) || id;
}

export function rememberEntities(item) {
  for (const { facet, filter } of FACETS) {
    for (const e of item[facet] || []) rememberLabel(filter, e.id, e.label);
  }
}

// Flags are two regional-indicator letters; where no font draws them as a
// flag (many Linux machines), the ISO code is shown instead.
let flagsDrawn;
function canDrawFlags() {
  if (flagsDrawn !== undefined) return flagsDrawn;
  flagsDrawn = false;
  try {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 20;
    const context = canvas.getContext("2d", { willReadFrequently: true });
    context.font = "16px sans-serif";
    context.textBaseline = "top";
    context.fillText("\u{1F1FA}\u{1F1F8}", 0, 0);
    const pixels = context.getImageData(0, 0, 20, 20).data;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] && (pixels[i] !== pixels[i + 1] || pixels[i + 1] !== pixels[i + 2])) {
        flagsDrawn = true;  // a coloured pixel: a real flag, not letters or a box
        break;
      }
    }
  } catch {
    flagsDrawn = false;
  }
  return flagsDrawn;
}

export function countryMark(code) {
  if (/^[A-Z]{2}$/.test(code) && canDrawFlags()) {
    const flag = String.fromCodePoint(...[...code].map(c => 0x1f1e6 + c.charCodeAt(0) - 65));
    return h("span", { class: "flag", "aria-hidden": "true" }, flag);
  }
  return h("span", { class: "code", "aria-hidden": "true" }, code);  // ISO 3166-3 codes have four letters: SUHH
}

// The small coloured mark before a value: a flag for countries, a dot otherwise.
export function entityMark(filter, id) {
  return filter === "country" ? countryMark(id) : h("span", { class: `dot dot--${filter}`, "aria-hidden": "true" });
}

// A chip that adds its entity as a filter when clicked.
export function filterChip(filter, entity, onAdd, active) {
  const noun = FACET_BY_FILTER[filter].noun;
  return h("button", {
    type: "button",
    class: `chip chip--${filter}${active ? " chip--active" : ""}`,
    "aria-pressed": active ? "true" : "false",
    title: active ? `Filtering by this ${noun}` : `Filter by this ${noun}`,
    onclick: event => { event.stopPropagation(); onAdd(filter, entity.id); },
  }, entityMark(filter, entity.id), h("span", {}, entity.label));
}
