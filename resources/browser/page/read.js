// Deft's page library, part 5 of 6: reading back what an element holds, and the page's text, tables and main text.
// What a person would check after an action on el: its value, state and text.
function readBack(el) {
  const tag = el.tagName;
  const value = valueOf(el, tag);
  return { value: value === null ? null : cut(value, 200), states: statesOf(el, tag), text: cut(ownText(el, tag), 120),
    name: cut(nameOf(el, tag, labelOf(el, tag), ownText(el, tag)), 120) };
}

// Why the page may still be on its way though its text has not changed lately, or '' if nothing says so: requests
// in flight (fetch and XMLHttpRequest), a document younger than a second (scripts that fill a page commonly start
// on a short timer), or a part of the page that says it is loading (aria-busy, a progress bar, "Loading…").
const YOUNG = 1000;
function pending() {
  if (window.__deftNet && window.__deftNet.since(-Infinity) > 0) return 'requests in flight';
  if (performance.now() < YOUNG) return 'the page has only just loaded';
  const loading = Array.from(document.querySelectorAll('[aria-busy=true], [role=progressbar], progress, [role=status]'))
    .find(el => visible(el) && (el.getAttribute('aria-busy') === 'true' || el.tagName === 'PROGRESS'
      || el.getAttribute('role') === 'progressbar' || /^(loading|please wait)\b/i.test(clean(el.textContent))));
  return loading ? 'it says it is loading' : '';
}

// The visible text of the page, with open shadow roots and same-origin frames.
function pageText() {
  const parts = [];
  function collect(root) {
    const body = root.body || root;
    if (body.innerText !== undefined) parts.push(body.innerText);
    body.querySelectorAll('*').forEach(el => {
      if (el.shadowRoot) Array.from(el.shadowRoot.children).forEach(c => { if (c.innerText) parts.push(c.innerText); });
      if (el.tagName === 'IFRAME') {
        let doc = null;
        try { doc = el.contentDocument; } catch (e) { doc = null; }
        if (doc && doc.body) collect(doc);
      }
    });
  }
  if (document.body) collect(document);
  return parts.join('\n');
}

function table(el) {
  let t = el && el.tagName === 'TABLE' ? el : el ? (el.closest('table') || el.querySelector('table')) : document.querySelector('table');
  if (!t) return null;
  return Array.from(t.rows).map(row => Array.from(row.cells).map(cell => clean(cell.innerText)));
}

function mainText() {
  const main = document.querySelector('main,[role=main],article') || document.body;
  return main ? main.innerText.replace(/\n{3,}/g, '\n\n').trim() : '';
}
