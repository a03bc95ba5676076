// The article view: a modal side panel over the results with the full text,
// the query's matches and the chosen entities' mentions marked, and the
// article's people, organisations, countries and events.
import { clear, formatDate, h, highlighted, hostOf, safeHref } from "./dom.js";
import { entityMark, rememberEntities } from "./entities.js";
import { FACETS } from "./url_state.js";

// Wire text is often hard-wrapped at ~70 characters: a line break inside a
// paragraph is a space, so the text reflows to the panel's width. A break
// after a short line (a table row, a dateline) or before an indented line
// (a new paragraph) stays, as does every blank line.
const WRAPPED_LINE = 45;
export function reflow(text) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let out = lines[0] ?? "";
  for (let i = 1; i < lines.length; ++i) {
    const previous = lines[i - 1], line = lines[i];
    const wrapped = previous.trim().length >= WRAPPED_LINE && line.trim() !== "" && !/^\s/.test(line);
    out += (wrapped ? " " : "\n") + line;
  }
  return out;
}

export class ArticlePanel {
  constructor(dialog, { fetchArticle, close, addFilter, setMark }) {
    this.dialog = dialog;
    this.fetchArticle = fetchArticle;
    this.actions = { close, addFilter, setMark };
    this.seq = 0;
    this.shownKey = "";
    this.controller = null;
    dialog.addEventListener("cancel", event => { event.preventDefault(); close(); });  // Esc
    dialog.addEventListener("click", event => { if (event.target === dialog) close(); });  // the backdrop
  }

  get isOpen() {
    return this.dialog.open;
  }

  // Shows what `state` says: nothing, or state.article marked for its query.
  async show(state, requestKey) {
    if (!state.article) {
      this.shownKey = "";
      ++this.seq;
      this.controller?.abort();
      if (this.dialog.open) this.dialog.close();
      return;
    }
    if (requestKey === this.shownKey && this.dialog.open) return;
    this.shownKey = requestKey;
    if (!this.dialog.open) {
      clear(this.dialog, this.bar(null), h("div", { class: "panel__scroll" }, h("p", { class: "panel__loading" }, "Loading article…")));
      this.dialog.showModal();
      this.dialog.querySelector(".panel__close").focus();
    } else {
      this.dialog.setAttribute("aria-busy", "true");
    }
    const seq = ++this.seq;
    this.controller?.abort();
    this.controller = new AbortController();
    try {
      const article = await this.fetchArticle(state, this.controller.signal);
      if (seq !== this.seq) return;
      rememberEntities(article);
      this.render(article, state);
    } catch (error) {
      if (seq !== this.seq || error.name === "AbortError") return;
      clear(this.dialog, this.bar(null), h("div", { class: "panel__scroll" },
        h("div", { class: "error", role: "alert" }, h("h2", {}, "This article could not be shown"),
          h("p", { class: "error__message" }, error.message))));
      this.dialog.querySelector(".panel__close").focus();
    } finally {
      if (seq === this.seq) this.dialog.removeAttribute("aria-busy");
    }
  }

  bar(matches) {
    return h("div", { class: "panel__bar" },
      h("span", { class: "panel__kicker" }, "Article"),
      matches,
      h("button", {
        type: "button", class: "panel__close", "aria-label": "Close article (Esc)", dataset: { focusKey: "close" },
        onclick: this.actions.close,
      }, "×"));
  }

  render(article, state) {
    const hadFocus = this.dialog.contains(document.activeElement) ? document.activeElement.dataset.focusKey || "close" : "close";
    const body = h("div", { class: "article__body" }, highlighted(reflow(article.body_html || article.body)));
    const marks = [...body.querySelectorAll("mark")];
    let current = -1;
    const counter = h("span", { class: "matches__count", "aria-live": "polite" });
    const showCount = () => {
      counter.textContent = current < 0 ? `${marks.length} marked` : `${current + 1} of ${marks.length}`;
    };
    const step = delta => {
      marks[current]?.classList.remove("is-current");
      current = (current + delta + marks.length) % marks.length;
      marks[current].classList.add("is-current");
      marks[current].scrollIntoView({ block: "center", behavior: "smooth" });
      showCount();
    };
    showCount();
    const matches = marks.length ? h("div", { class: "matches" }, counter,
      h("button", { type: "button", class: "icon-button", "aria-label": "Previous mark", dataset: { focusKey: "prev" }, onclick: () => step(-1) }, "↑"),
      h("button", { type: "button", class: "icon-button", "aria-label": "Next mark", dataset: { focusKey: "next" }, onclick: () => step(1) }, "↓")) : null;
    const source = article.source || hostOf(article.url);
    const original = safeHref(article.url);
    clear(this.dialog, this.bar(matches), h("div", { class: "panel__scroll" },
      h("article", { class: "article" },
        h("header", { class: "article__header" },
          h("p", { class: "hit__meta" },
            article.date ? h("time", { datetime: article.date.slice(0, 10) }, formatDate(article.date)) : h("span", {}, "Undated"),
            source ? [h("span", { class: "sep", "aria-hidden": "true" }, "·"), h("span", {}, source)] : null,
            article.authors.length ? [h("span", { class: "sep", "aria-hidden": "true" }, "·"), h("span", {}, article.authors.join(", "))] : null),
          h("h2", { class: "article__title", id: "article-title" }, highlighted(article.title_html || article.title)),
          original ? h("a", { class: "article__original", href: original, target: "_blank", rel: "noopener noreferrer" }, "Read at the source ↗") : null),
        this.entities(article, state),
        body,
        h("p", { class: "article__path" }, article.line ? `${article.path}, line ${article.line}` : article.path))));
    // The panel's content was replaced: the focus goes back to what it was
    // on, or the close button, never to <body>.
    (this.dialog.querySelector(`[data-focus-key="${CSS.escape(hadFocus)}"]`) || this.dialog.querySelector(".panel__close")).focus();
  }

  entities(article, state) {
    const rows = FACETS.filter(info => article[info.facet].length).map(info => h("div", { class: "entities__row" },
      h("h3", {}, info.title),
      h("ul", {}, article[info.facet].map(entity => {
        const key = `${info.filter}:${entity.id}`;
        const filtering = state[info.filter].includes(entity.id);
        const marked = filtering || state.mark === key;
        return h("li", { class: `entity${marked ? " is-marked" : ""}` },
          h("button", {
            type: "button", class: "entity__mark", "aria-pressed": String(marked), disabled: filtering,
            title: filtering ? "Marked because it is a filter" : "Mark its mentions in the text",
            dataset: { focusKey: `mark-${key}` },
            onclick: () => this.actions.setMark(state.mark === key ? "" : key),
          }, entityMark(info.filter, entity.id), h("span", { class: "entity__label" }, entity.label),
          entity.role ? h("span", { class: "entity__role" }, entity.role) : null,
          entity.mentions ? h("span", { class: "entity__mentions", "aria-label": `${entity.mentions} mentions` }, String(entity.mentions)) : null),
          h("button", {
            type: "button", class: "entity__filter", disabled: filtering, dataset: { focusKey: `filter-${key}` },
            "aria-label": filtering ? `Filtering by ${entity.label}` : `Filter by ${entity.label}`,
            title: filtering ? "A filter already" : "Add as a filter",
            onclick: () => this.actions.addFilter(info.filter, entity.id),
          }, filtering ? "✓" : "+"));
      }))));
    if (!rows.length) return null;
    return h("section", { class: "entities", "aria-label": "In this article" }, rows,
      h("p", { class: "entities__hint" }, "Choose a name to mark its mentions; + adds it as a filter."));
  }
}
