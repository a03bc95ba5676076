// Building DOM without HTML strings. Data from the API only ever becomes text
// nodes; the one exception, highlighted(), keeps <mark> and nothing else.

// h("a", {class: "x", href, onclick, "aria-label": "…"}, child, [children], "text")
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else if (name === "class") {
      element.className = value;
    } else if (name === "dataset") {
      Object.assign(element.dataset, value);
    } else if (name in element && !name.includes("-") && typeof value !== "string") {
      element[name] = value;  // properties such as checked, disabled, value
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : String(child));
  }
}

// The API's title_html, snippet and body_html: escaped text with <mark>
// around matches. Parsed in an inert <template>, then rebuilt from text
// nodes and fresh <mark> elements only, so whatever else the string might
// hold (a tag, an attribute, a handler) can never reach the page.
export function highlighted(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const fragment = document.createDocumentFragment();
  copySafe(template.content, fragment);
  return fragment;
}

function copySafe(from, to) {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.append(node.data);
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      if (node.localName === "mark") {
        const mark = document.createElement("mark");
        copySafe(node, mark);
        to.append(mark);
      } else {
        copySafe(node, to);  // any other element: keep its text, drop the element
      }
    }
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export function formatCount(n) {
  return new Intl.NumberFormat("en").format(n);
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

// "2021-10-14" or "2021-10-14T09:45:00Z" → "14 Oct 2021"; anything else as given.
export function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
  if (!match) return iso || "";
  const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return Number.isNaN(date.getTime()) ? iso : dayFormat.format(date);
}

export function hostOf(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

// Only http(s) links from the data become hrefs (never javascript: and the like).
export function safeHref(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : "";
  } catch {
    return "";
  }
}
