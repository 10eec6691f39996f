// Deft's page library, part 1 of 6: what the parts share. Each element keeps its number while it stays on the page
// (an expando on the node and a registry of weak references in the top window); a new page gets a new token, so that
// an old number is refused; the page's change generation says whether an observation still holds.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'META', 'LINK', 'svg', 'SVG', 'OPTION', 'DATALIST']);
const TEXT_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'LI', 'TD', 'TH', 'DT', 'DD', 'FIGCAPTION',
  'CAPTION', 'LEGEND', 'BLOCKQUOTE', 'PRE', 'SPAN', 'DIV', 'STRONG', 'EM', 'B', 'I', 'SMALL', 'CODE', 'TIME',
  'ARTICLE', 'SECTION', 'MAIN', 'HEADER', 'FOOTER', 'NAV', 'ASIDE', 'FORM', 'UL', 'OL', 'DL', 'TABLE', 'TR', 'TBODY',
  'LABEL', 'MARK', 'ABBR', 'CITE', 'Q', 'SUP', 'SUB', 'U', 'S', 'DEL', 'INS', 'KBD', 'SAMP', 'VAR', 'FIELDSET',
  'DETAILS', 'CENTER', 'FONT', 'BIG', 'TT', 'ADDRESS', 'BODY', 'DIALOG']);
const INTERACTIVE_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem',
  'menuitemcheckbox', 'menuitemradio', 'option', 'textbox', 'searchbox', 'combobox', 'slider', 'spinbutton',
  'treeitem', 'listbox', 'gridcell']);
const CONTEXT = 'article,section,li,tr,form,fieldset,dialog,[role=dialog],[role=listitem],[role=row]';
const clean = s => (s || '').replace(/\s+/g, ' ').trim();
const cut = (s, n) => s.length > n ? s.slice(0, n - 1) + '…' : s;
// cut(clean(raw), n) without cleaning all of a long text (a section's textContent can be the whole page's).
const cleanCut = (raw, n) => {
  if (raw.length > 8 * n) {
    const head = clean(raw.slice(0, 8 * n));
    if (head.length > n) return cut(head, n);
  }
  return cut(clean(raw), n);
};

function state(first) {
  const top = window.top;
  if (!top.__deft) {
    const start = first || 1;
    top.__deft = { token: Math.random().toString(36).slice(2, 10), first: start, next: start, els: new Map(), gen: 0 };
  }
  return top.__deft;
}

// The page's change generation: anything that could change what an observation holds (the DOM, in the document,
// its open shadow roots and same-origin frames; scrolling, resizing, input, loads, transitions) bumps it. An
// observation notes the generation it saw; while it is unchanged, that observation still describes the page and
// Deft can ground a target on it without walking the page again.
const EVENTS = ['scroll', 'resize', 'input', 'change', 'load', 'error', 'transitionrun', 'transitionend',
  'animationstart', 'animationiteration', 'animationend', 'toggle', 'focusin', 'focusout', 'pointerover',
  'pointerout', 'close', 'cancel'];
function ours(record) {
  if (record.attributeName && record.attributeName.startsWith('data-deft-')) return true;
  const target = record.target;
  if (target && (target.id === '__deft_mask' || target.parentNode && target.parentNode.id === '__deft_mask')) return true;
  if (record.type === 'childList') {
    const nodes = Array.from(record.addedNodes).concat(Array.from(record.removedNodes));
    return nodes.length > 0 && nodes.every(node => node.id === '__deft_mask');
  }
  return false;
}
function watch(root) {
  const s = state();
  if (root.__deftWatched === s.token) return;
  root.__deftWatched = s.token;
  const bump = () => { s.gen++; };
  const observer = new MutationObserver(records => { if (!records.every(ours)) bump(); });
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  (s.observers = s.observers || []).push(observer);
  // The mask's own style element fires a load event of its own: not a change of the page.
  const onEvent = event => { if (!(event.target && event.target.id === '__deft_mask')) s.gen++; };
  EVENTS.forEach(type => root.addEventListener(type, onEvent, { capture: true, passive: true }));
  if (root.nodeType === 9 && root.defaultView) root.defaultView.addEventListener('resize', bump, { passive: true });
  if (root.nodeType === 9 && root.fonts && root.fonts.addEventListener) root.fonts.addEventListener('loadingdone', bump);
}
// Delivers mutations still queued, so that the generation read next is up to date.
function flush() {
  const s = state();
  (s.observers || []).forEach(observer => { if (observer.takeRecords().some(r => !ours(r))) s.gen++; });
  return s.gen;
}

/** A number for each form, so that a control's form can be told from the others (0: in none). */
function formNumber(form) {
  const s = state();
  if (!form.__deftForm || form.__deftFormToken !== s.token) {
    s.forms = (s.forms || 0) + 1;
    form.__deftForm = s.forms;
    form.__deftFormToken = s.token;
  }
  return form.__deftForm;
}

function number(el) {
  const s = state();
  let n = el.__deftNumber;
  if (n && el.__deftToken === s.token) return n;
  n = s.next++;
  el.__deftNumber = n;
  el.__deftToken = s.token;
  s.els.set(n, new WeakRef(el));
  return n;
}
