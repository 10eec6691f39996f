// Deft's page library, part 4 of 6: finding an element again (by number, CSS or XPath) and checking it is ready to be
// acted on, with where a click on it lands.
// The elements that a CSS selector or an XPath expression picks, across frames and open shadow roots.
function query(kind, expression) {
  const found = [];
  function search(root, frame) {
    let matches = [];
    if (kind === 'css') {
      matches = Array.from(root.querySelectorAll(expression));
    } else if (root.nodeType === 9) {
      const result = root.evaluate(expression, root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
      for (let i = 0; i < result.snapshotLength; i++) {
        const node = result.snapshotItem(i);
        if (node.nodeType === 1) matches.push(node);
      }
    }
    matches.forEach(el => found.push({ n: number(el), f: frame }));
    root.querySelectorAll('*').forEach(el => {
      if (el.shadowRoot) search(el.shadowRoot, frame);
      if (el.tagName === 'IFRAME') {
        let doc = null;
        try { doc = el.contentDocument; } catch (e) { doc = null; }
        if (doc) search(doc, frame.concat([number(el)]));
      }
    });
  }
  search(document, []);
  return found;
}

// Gives el (a textarea, or an input of text, search, url, tel or password) the keyboard focus, with all it holds
// selected (replace) or the caret at its end, for typing that follows as key presses; answers whether it has it.
function focusField(el, replace) {
  el.focus();
  if (replace) el.select();
  else el.setSelectionRange(el.value.length, el.value.length);
  return el.getRootNode().activeElement === el;
}

// The element numbered n on this page, or why there is none: 'page-changed' or 'gone'.
function find(n, token) {
  const s = window.top.__deft;
  if (!s || s.token !== token) return 'page-changed';
  const ref = s.els.get(n);
  const el = ref && ref.deref();
  if (!el || !el.isConnected) return 'gone';
  return el;
}

// Playwright-like checks before acting: attached, visible, enabled, still, and not covered. Returns 'ok' or why not.
function actionable(el, needEnabled, done) {
  if (!el.isConnected) return done('detached');
  if (!visible(el)) return done('hidden');
  let first = el.getBoundingClientRect();
  if (first.width === 0 || first.height === 0) return done('hidden');
  if (needEnabled && (el.disabled || el.getAttribute('aria-disabled') === 'true')) return done('disabled');
  if (first.bottom < 0 || first.top > innerHeight || first.right < 0 || first.left > innerWidth) {
    el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
    first = el.getBoundingClientRect();
  }
  const seen = el.__deftRect;
  const still = b => Math.abs(b.left - first.left) <= 1 && Math.abs(b.top - first.top) <= 1
    && Math.abs(b.width - first.width) <= 1 && Math.abs(b.height - first.height) <= 1;
  function hitTest() {
    const b = el.getBoundingClientRect();
    const cx = b.left + b.width / 2, cy = b.top + b.height / 2;
    const root = el.getRootNode();
    const hit = root.elementFromPoint ? root.elementFromPoint(cx, cy) : null;
    if (!hit || hit === el || el.contains(hit) || (hit.control && hit.control === el)) return done('ok');
    if (hit.shadowRoot && hit.shadowRoot.contains(el)) return done('ok');
    if (el.labels && Array.from(el.labels).some(l => l.contains(hit))) return done('ok');
    return done('covered by ' + hit.tagName.toLowerCase() + (clean(hit.textContent) ? ' "' + cut(clean(hit.textContent), 40) + '"' : ''));
  }
  // The box seen by the observation moments ago is a first sample: if it has not moved since, the element is still.
  if (seen && Date.now() - el.__deftSeen < 1500 && Math.abs(seen[0] - first.left) <= 1
    && Math.abs(seen[1] - first.top) <= 1 && Math.abs(seen[2] - first.width) <= 1 && Math.abs(seen[3] - first.height) <= 1) {
    return hitTest();
  }
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (!el.isConnected) return done('detached');
    if (!still(el.getBoundingClientRect())) return done('moving');
    hitTest();
  }));
}

// The element numbered n, checked ready to act on (see actionable), provided the page has not changed since the
// observation of generation gen, with the point in the viewport where a click on it lands; else why not: 'changed'
// (observe again), 'page-changed', 'gone', or actionable's. One round trip where finding, checking and
// re-observing took three.
function prepare(n, token, gen, needEnabled, done) {
  const s = window.top.__deft;
  if (!s || s.token !== token) return done(['page-changed', null]);
  if (gen >= 0 && flush() !== gen) return done(['changed', null]);
  const el = find(n, token);
  if (typeof el === 'string') return done([el, null]);
  actionable(el, needEnabled, status => {
    if (status !== 'ok') return done([status, null]);
    // where a click lands: the middle of the box (the point the hit test checked), if it is in the viewport
    const b = el.getBoundingClientRect(), x = b.left + b.width / 2, y = b.top + b.height / 2;
    const inView = x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
    done([status, el, inView ? x : null, inView ? y : null]);
  });
}
