// Keeping the keyboard focus where the reader was. Redrawing a list (facets
// after a tick, chips after a removal, the timeline after a choice, the
// pages after a move) replaces the focused element, and the browser then
// drops the focus to <body>: the next Tab starts from the top of the page.
// Each redraw ends with restoreFocus(), which puts the focus back on the
// element standing for the same thing, or else on a sensible landmark.

let lastKey = "";
let fallback = null;

// What an element stands for across redraws: its id, or its data-focus-key.
const keyOf = element => element?.id || element?.dataset?.focusKey || "";

export function trackFocus(landmark) {
  fallback = landmark;
  document.addEventListener("focusin", event => {
    const key = keyOf(event.target);
    if (key) lastKey = key;
  });
}

function lost() {
  return !document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected;
}

export function restoreFocus() {
  if (!lastKey || !lost() || document.querySelector("dialog[open]")) return;
  const again = document.getElementById(lastKey) ||
    document.querySelector(`[data-focus-key="${CSS.escape(lastKey)}"]`);
  const target = again && !again.disabled && again.offsetParent !== null ? again : fallback;
  target?.focus({ preventScroll: true });
}
