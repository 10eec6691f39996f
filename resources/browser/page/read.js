// Deft's page library, part 5 of 6: reading back what an element holds, and the page's text, tables and main text.
// What a person would check after an action on el: its value, state and text.
function readBack(el) {
  const tag = el.tagName;
  const value = valueOf(el, tag);
  return { value: value === null ? null : cut(value, 200), states: statesOf(el, tag), text: cut(ownText(el, tag), 120),
    name: cut(nameOf(el, tag, labelOf(el, tag), ownText(el, tag)), 120) };
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
