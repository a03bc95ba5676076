// Autocomplete for the search box: the word being typed is looked up as a
// prefix of people, organisations, countries and events, all four in one
// request per pause in typing (/api/suggest?prefix=);
// choosing one adds it as a filter in place of the word. An ARIA combobox:
// the focus stays in the box, arrows move the active option.
import { clear, formatCount, h } from "./dom.js";
import { entityMark, rememberLabel } from "./entities.js";
import { FACETS } from "./url_state.js";

const PER_FACET = 4;
const DELAY_MS = 120;

export class Suggester {
  constructor(input, listbox, { fetchSuggestions, onChoose }) {
    this.input = input;
    this.listbox = listbox;
    this.fetchSuggestions = fetchSuggestions;
    this.onChoose = onChoose;
    this.options = [];
    this.active = -1;
    this.seq = 0;
    this.timer = 0;
    input.addEventListener("input", () => this.schedule());
    input.addEventListener("keydown", event => this.onKey(event));
    input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
  }

  get isOpen() {
    return !this.listbox.hidden;
  }

  // The word that ends at the caret, and where it is.
  token() {
    const caret = this.input.selectionStart ?? this.input.value.length;
    const before = this.input.value.slice(0, caret);
    const match = /[^\s"()]+$/.exec(before);
    if (!match) return null;
    const after = /^[^\s"()]*/.exec(this.input.value.slice(caret))[0];
    const word = match[0] + after;
    if (word.includes(":") || [...word].length < 2) return null;
    return { word, start: match.index, end: caret + after.length };
  }

  schedule() {
    clearTimeout(this.timer);
    ++this.seq;  // an answer still on its way is for a word no longer in the box
    const token = this.token();
    if (!token) {
      this.close();
      return;
    }
    this.timer = setTimeout(() => this.lookUp(token), DELAY_MS);
  }

  async lookUp(token) {
    const seq = ++this.seq;
    const facets = await this.fetchSuggestions(token.word, PER_FACET).catch(() => ({}));
    const groups = FACETS.map(info => ({ info, values: facets[info.facet] || [] }));
    if (seq !== this.seq || document.activeElement !== this.input) return;  // a newer word, or the reader moved on
    this.render(groups.filter(g => g.values.length), token);
  }

  render(groups, token) {
    this.options = [];
    this.active = -1;
    if (!groups.length) return this.close();
    clear(this.listbox, groups.map(({ info, values }) => {
      const headingId = `suggest-${info.facet}`;
      return h("div", { role: "group", "aria-labelledby": headingId, class: "suggest__group" },
        h("div", { class: "suggest__heading", id: headingId, role: "presentation" }, info.title),
        values.map(value => {
          rememberLabel(info.filter, value.id, value.label);
          const index = this.options.length;
          const element = h("div", {
            role: "option", id: `suggest-option-${index}`, class: "suggest__option", "aria-selected": "false",
            dataset: { filter: info.filter, value: value.id },
            onmousedown: event => event.preventDefault(),  // keep the focus in the box
            onclick: () => this.choose(index),
            onmousemove: () => this.highlight(index),
          }, entityMark(info.filter, value.id), h("span", { class: "suggest__label" }, value.label),
          h("span", { class: "suggest__count" }, formatCount(value.count)),
          h("span", { class: "suggest__action", "aria-hidden": "true" }, value.selected ? "added" : "add filter"));
          this.options.push({ filter: info.filter, id: value.id, token, element });
          return element;
        }));
    }));
    this.listbox.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  }

  highlight(index) {
    this.options.forEach((option, i) => option.element.setAttribute("aria-selected", String(i === index)));
    this.active = index;
    if (index >= 0) {
      this.input.setAttribute("aria-activedescendant", this.options[index].element.id);
      this.options[index].element.scrollIntoView({ block: "nearest" });
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  }

  choose(index) {
    const option = this.options[index];
    if (!option) return;
    // The word at the caret now: the options may have been looked up for an
    // earlier, shorter one.
    const token = this.token() ?? option.token;
    this.close();
    ++this.seq;
    this.onChoose(option.filter, option.id, token);
  }

  close() {
    clearTimeout(this.timer);
    if (!this.isOpen) return;
    this.listbox.hidden = true;
    clear(this.listbox);
    this.options = [];
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }

  // Returns nothing; stops the event when the list used it.
  onKey(event) {
    if (!this.isOpen || event.isComposing) return;
    const n = this.options.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.highlight(this.active < 0 ? (step > 0 ? 0 : n - 1) : (this.active + step + n) % n);
    } else if (event.key === "Enter" && this.active >= 0) {
      event.preventDefault();
      event.stopPropagation();
      this.choose(this.active);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      ++this.seq;
      this.close();
    } else if (event.key === "Tab") {
      this.close();
    }
  }
}
