// Deft's page library, part 3 of 6: observe() returns in one round trip the elements a person could act on or read,
// across same-origin iframes and open shadow roots; observeText() writes them compactly for Java; observeSettled()
// waits first for what an action started.
// How many of the boxes an element sits in are written with it, nearest first.
const WITHIN = 12;
function observe(opts) {
  opts = opts || {};
  const max = opts.maxElements || 4000;
  const s = state(opts.first);
  const titles = new Map();
  watch(document);
  const gen = flush();
  const vw = window.innerWidth, vh = window.innerHeight;
  const elements = [];
  const headings = [];
  const digest = [];
  let digestLength = 0;
  let total = 0;
  let order = 0;

  function add(el, tag, r, interactive, frame, dx, dy, rect, up) {
    total++;
    if (elements.length >= max) return;
    const label = labelOf(el, tag);
    const text = ownText(el, tag);
    const name = cut(nameOf(el, tag, label, text), 160);
    el.__deftRect = [rect.left, rect.top, rect.width, rect.height];
    el.__deftSeen = Date.now();
    const x = Math.round(rect.left + dx), y = Math.round(rect.top + dy);
    const w = Math.round(rect.width), h = Math.round(rect.height);
    const entry = {
      n: number(el), o: order++, role: r, tag: tag.toLowerCase(), name, i: interactive ? 1 : 0,
      v: x < vw && y < vh && x + w > 0 && y + h > 0 ? 1 : 0, b: [x, y, w, h], f: frame,
    };
    if (text && text !== name) entry.text = text;
    if (label && label !== name) entry.label = label;
    const value = valueOf(el, tag);
    if (value !== null && value !== undefined) entry.value = cut(value, 200);
    const ph = el.getAttribute('placeholder');
    if (ph) entry.ph = clean(ph);
    const states = statesOf(el, tag);
    if (states.length) entry.st = states;
    const ctx = contextOf(el, name, titles);
    if (ctx) entry.ctx = ctx;
    if (tag === 'SELECT') entry.opts = Array.from(el.options).slice(0, 25).map(o => clean(o.text));
    if (tag === 'A') { const href = el.getAttribute('href'); if (href && !href.startsWith('javascript:')) entry.href = cut(href, 120); }
    if (tag === 'INPUT') entry.type = (el.type || 'text').toLowerCase();
    if (tag === 'TEXTAREA') entry.type = 'textarea';
    if (tag === 'SELECT') entry.type = 'select';
    if (tag === 'BUTTON') entry.type = (el.getAttribute('type') || 'submit').toLowerCase();
    const ac = el.getAttribute('autocomplete');
    if (ac && ac !== 'on' && ac !== 'off') entry.ac = cut(ac, 40);
    const form = el.form || (el.closest && el.closest('form'));
    if (form) entry.fm = formNumber(form);
    entry.w = within(up);
    elements.push(entry);
    if (r === 'heading' && /^H[1-3]$/.test(tag) && headings.length < 12) headings.push(cleanCut(el.textContent, 100));
    if (!interactive && digestLength < 900 && text) { digest.push(text); digestLength += text.length + 1; }
  }

  function walk(parent, frame, dx, dy, inText, up) {
    for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
      visit(el, frame, dx, dy, inText, up);
    }
  }

  // The boxes an element sits in, nearest first: those where the page branches (two children or more), for the
  // smallest box that holds two elements is always one of them, and controls that hold other elements. A planner finds "the Archive link on the
  // invoice from Lund" as the link whose nearest shared box with "Lund" holds no other Archive link.
  function within(up) {
    const out = [];
    for (let box = up; box && out.length < WITHIN; box = box.up) out.push(box.n);
    return out.join(',');
  }

  function hasOwnText(el) {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3 && c.nodeValue.trim().length > 1) return true;
    }
    return false;
  }

  function visit(el, frame, dx, dy, inText, up) {
    const tag = el.tagName;
    if (SKIP.has(tag)) return;
    if (!visible(el)) {
      // display: contents has no box of its own, but its children do.
      if (getComputedStyle(el).display === 'contents') walk(el, frame, dx, dy, inText, up);
      return;
    }
    if (tag === 'LABEL' && el.control) {
      // A field's label is its name, not an element of its own.
      walk(el, frame, dx, dy, true, el.childElementCount > 1 ? { n: number(el), up } : up);
      return;
    }
    const r = role(el, tag);
    const interactive = isInteractive(el, tag, r);
    // the boxes written: where the page branches, and controls (a button inside a clickable card)
    const inside = el.childElementCount > 1 || el.shadowRoot || interactive && el.childElementCount ? { n: number(el), up } : up;
    if (tag === 'IFRAME' || tag === 'FRAME') {
      const rect = el.getBoundingClientRect();
      add(el, tag, 'frame', false, frame, dx, dy, rect, up);
      let doc = null;
      try { doc = el.contentDocument; } catch (e) { doc = null; }
      if (doc && doc.body) {
        watch(doc);
        const fx = dx + rect.left + el.clientLeft, fy = dy + rect.top + el.clientTop;
        walk(doc.body, frame.concat([el.__deftNumber]), fx, fy, false, { n: el.__deftNumber, up });
      }
      return;
    }
    let listed = false;
    if (interactive || tag === 'IMG' && el.getAttribute('alt') || tag === 'CANVAS' || r === 'heading' || r === 'alert' || r === 'status') {
      const rect = el.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0 || tag === 'INPUT') {
        add(el, tag, r, interactive, frame, dx, dy, rect, up);
        listed = true;
      }
    } else if (!inText && TEXT_TAGS.has(tag) && hasOwnText(el)) {
      const rect = el.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0) {
        add(el, tag, r, false, frame, dx, dy, rect, up);
        listed = true;
      }
    }
    if (el.shadowRoot) { watch(el.shadowRoot); walk(el.shadowRoot, frame, dx, dy, false, inside); }
    // Inside a listed element only further interactive elements matter (a link in a paragraph, an input in a label).
    if (!(listed && (tag === 'BUTTON' || tag === 'A' || tag === 'SELECT' || tag === 'TEXTAREA'))) {
      // Long text blocks do not hide their children, so that a page's sections stay separate entries.
      walk(el, frame, dx, dy, inText || listed && !interactive && el.textContent.length <= 300 || listed && interactive,
        inside);
    }
  }

  const modal = document.querySelector('dialog:modal');
  const start = performance.now();
  if (modal) visit(modal, [], 0, 0, false, null); else if (document.body) walk(document.body, [], 0, 0, false, null);
  const millis = Math.round((performance.now() - start) * 10) / 10;
  // Sensitive fields masked for the step's screenshot, taken next (saves a round trip); mask(false) after it,
  // when there was any to mask.
  const masked = opts.mask ? mask(true) : 0;
  return {
    token: s.token, first: s.first, next: s.next, gen, url: location.href, title: document.title, headings, digest: cut(digest.join(' · '), 900),
    modal: modal ? cleanCut(modal.textContent, 120) : '', elements, total, masked,
    scroll: [Math.round(window.scrollX), Math.round(window.scrollY), document.documentElement.scrollHeight, vw, vh],
    millis,
  };
}

// The observation as one string: one string crosses the WebDriver wire far faster than thousands of objects, and
// a line of '|'-separated fields an element is half the keyed JSON (whose quotes the wire escapes again; a tab
// would be escaped too). First line: the page as JSON; then one line per element, fields in the order below
// (PageObserver reads it). In a field, a backslash escapes '|', a backslash and line breaks.
const ESCAPE = /[\\|\n\r]/g;
const escaped = c => c === '\\' ? '\\\\' : c === '|' ? '\\|' : c === '\n' ? '\\n' : '\\r';
const field = s => s === undefined || s === null ? '' : typeof s === 'string' ? s.replace(ESCAPE, escaped) : String(s);
function observeText(opts) {
  const page = observe(opts);
  const lines = page.elements.map(e => [e.n, e.role, e.tag, field(e.name), field(e.text), field(e.label),
    e.value === undefined ? '' : '=' + field(e.value), field(e.ph), e.st ? e.st.join(',') : '', field(e.ctx),
    e.opts ? field(e.opts.join('\u001f')) : '', field(e.href), e.type || '', e.v + 2 * e.i,
    e.b[0], e.b[1], e.b[2], e.b[3], e.f.join(','), e.fm || '', field(e.ac), e.w].join('|'));
  page.count = page.elements.length;
  delete page.elements;
  return JSON.stringify(page) + (lines.length ? '\n' + lines.join('\n') : '');
}

// The page once what an action started has ended, as observeText gives it: requests sent in the last RECENT ms
// (counted by network.js) have ended and the page then stayed unchanged for QUIET ms, or maxMs have passed. A
// page with nothing in flight is observed at once, so most steps pay nothing for this. Answers null when the wait
// itself failed.
const RECENT = 3000, QUIET = 60, TICK = 15, LEAVING = 2000;
function observeSettled(opts, maxMs, done) {
  const start = performance.now();
  // requests in flight, or a page on its way out (then this script ends with the page, and Deft looks at the
  // next one once it has loaded)
  const net = window.__deftNet;
  const busy = () => net ? net.since(start - RECENT) > 0
    || (net.leaving >= 0 && performance.now() - net.leaving < LEAVING) : false;
  if (!busy()) return done(observeText(opts));
  let gen = flush(), quietSince = null;
  const tick = () => {
    try {
      step();
    } catch (e) {
      done(null); // Deft then observes the page with a call of its own
    }
  };
  const step = () => {
    const now = performance.now();
    if (busy()) {
      quietSince = null;
    } else {
      const seen = flush();
      if (quietSince === null || seen !== gen) {
        gen = seen;
        quietSince = now;
      } else if (now - quietSince >= QUIET) {
        return done(observeText(opts));
      }
    }
    if (now - start >= maxMs) return done(observeText(opts));
    setTimeout(tick, TICK);
  };
  setTimeout(tick, TICK);
}
