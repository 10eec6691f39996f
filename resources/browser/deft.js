// Deft's page library: installed into the top document by every call Deft makes, once per page.
// observe() returns in one round trip the elements a person could act on or read, across same-origin iframes and
// open shadow roots. Each element keeps its number while it stays on the page (an expando on the node and a
// registry of weak references in the top window); a new page gets a new token, so that an old number is refused.
if (!window.__deftLib || window.__deftLib.version !== 9) {
  window.__deftLib = (function () {
    'use strict';
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

    function role(el, tag) {
      const explicit = el.getAttribute('role');
      if (explicit) return explicit.split(' ')[0];
      switch (tag) {
        case 'A': return el.hasAttribute('href') ? 'link' : 'text';
        case 'BUTTON': case 'SUMMARY': return 'button';
        case 'SELECT': return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
        case 'TEXTAREA': return 'textbox';
        case 'IMG': return 'img';
        case 'CANVAS': return 'canvas';
        case 'IFRAME': return 'frame';
        case 'DIALOG': return 'dialog';
        case 'H1': case 'H2': case 'H3': case 'H4': case 'H5': case 'H6': return 'heading';
        case 'LI': return 'listitem';
        case 'TD': return 'cell';
        case 'TH': return 'columnheader';
        case 'P': return 'paragraph';
        case 'INPUT': {
          const type = (el.type || 'text').toLowerCase();
          if (type === 'checkbox' || type === 'radio') return type;
          if (type === 'button' || type === 'submit' || type === 'reset' || type === 'image') return 'button';
          if (type === 'range') return 'slider';
          if (type === 'number') return 'spinbutton';
          if (type === 'search') return 'searchbox';
          if (type === 'file') return 'file';
          return 'textbox';
        }
      }
      if (el.isContentEditable && (!el.parentElement || !el.parentElement.isContentEditable)) return 'textbox';
      return 'text';
    }

    function isInteractive(el, tag, r) {
      if (tag === 'A') return el.hasAttribute('href');
      if (tag === 'BUTTON' || tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'SUMMARY') return true;
      if (tag === 'INPUT') return el.type !== 'hidden';
      if (INTERACTIVE_ROLES.has(r)) return true;
      if (r === 'textbox') return true;
      return el.hasAttribute('onclick') || (el.tabIndex >= 0 && el.hasAttribute('tabindex'));
    }

    function byIds(el, ids) {
      const root = el.getRootNode();
      return clean(ids.split(/\s+/).map(id => {
        const ref = root.getElementById ? root.getElementById(id) : null;
        return ref ? ref.textContent : '';
      }).join(' '));
    }

    function labelOf(el, tag) {
      const labelledBy = el.getAttribute('aria-labelledby');
      if (labelledBy) return byIds(el, labelledBy);
      if ((tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') && el.labels && el.labels.length) {
        return clean(Array.from(el.labels).map(l => l.textContent).join(' '));
      }
      return '';
    }

    function ownText(el, tag) {
      if (tag === 'INPUT') {
        const type = (el.type || '').toLowerCase();
        if (type === 'button' || type === 'submit' || type === 'reset') return clean(el.value || (type === 'submit' ? 'Submit' : ''));
        return '';
      }
      if (tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'IFRAME') return '';
      if (tag === 'IMG') return '';
      return cleanCut(el.textContent, 160);
    }

    function nameOf(el, tag, label, text) {
      const aria = clean(el.getAttribute('aria-label'));
      if (el.getAttribute('aria-labelledby') && label) return label;
      if (aria) return aria;
      if (label) return label;
      if (tag === 'IMG' || (tag === 'INPUT' && el.type === 'image')) return clean(el.getAttribute('alt'));
      if (text) return text;
      const img = tag === 'A' || tag === 'BUTTON' ? el.querySelector('img[alt]') : null;
      if (img) return clean(img.getAttribute('alt'));
      return clean(el.getAttribute('title') || el.getAttribute('placeholder') || '');
    }

    function valueOf(el, tag) {
      if (tag === 'SELECT') return clean(Array.from(el.selectedOptions).map(o => o.text).join(', '));
      if (tag === 'TEXTAREA') return el.value;
      if (tag === 'INPUT') {
        const type = (el.type || 'text').toLowerCase();
        if (type === 'checkbox' || type === 'radio' || type === 'button' || type === 'submit' || type === 'reset') return null;
        if (type === 'password') return el.value ? '•'.repeat(Math.min(el.value.length, 12)) : '';
        if (type === 'file') return clean(Array.from(el.files || []).map(f => f.name).join(', '));
        return el.value;
      }
      if (el.isContentEditable) return cleanCut(el.textContent, 200);
      return null;
    }

    function statesOf(el, tag) {
      const states = [];
      if (tag === 'INPUT' && (el.type === 'checkbox' || el.type === 'radio')) states.push(el.checked ? 'checked' : 'unchecked');
      else if (el.hasAttribute('aria-checked')) states.push(el.getAttribute('aria-checked') === 'true' ? 'checked' : 'unchecked');
      if (el.disabled || el.getAttribute('aria-disabled') === 'true') states.push('disabled');
      if (el.hasAttribute('aria-expanded')) states.push(el.getAttribute('aria-expanded') === 'true' ? 'expanded' : 'collapsed');
      if (tag === 'DETAILS') states.push(el.open ? 'expanded' : 'collapsed');
      if (el.getAttribute('aria-selected') === 'true') states.push('selected');
      if (el.required || el.getAttribute('aria-required') === 'true') states.push('required');
      if (el.readOnly) states.push('readonly');
      if (el.getAttribute('aria-invalid') === 'true') states.push('invalid');
      const root = el.getRootNode();
      if (root.activeElement === el) states.push('focused');
      return states;
    }

    function contextOf(el, own, titles) {
      const box = el.parentElement ? el.parentElement.closest(CONTEXT) : null;
      if (!box) return '';
      // Most elements of a card share its title: look it up once per card, unless the element is the heading itself.
      const cached = titles && titles.get(box);
      if (cached !== undefined && !cached.el.contains(el)) return cached.title && cached.title !== own ? cached.title : '';
      let title = '';
      let from = null;
      if (box.tagName === 'TR') {
        const cell = box.querySelector('td,th');
        from = cell;
        title = cell && !cell.contains(el) ? cell.textContent : '';
      } else {
        const head = box.querySelector('h1,h2,h3,h4,h5,h6,legend,caption,[role=heading]');
        from = head;
        title = head && !head.contains(el) ? head.textContent : '';
      }
      title = cleanCut(title, 60);
      if (titles && from && !from.contains(el)) titles.set(box, { el: from, title });
      if (titles && !from) titles.set(box, { el: box.ownerDocument.createElement('i'), title: '' });
      return title && title !== own ? title : '';
    }

    function visible(el) {
      if (el.checkVisibility) {
        if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
      } else {
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none' || style.opacity === '0') return false;
      }
      return true;
    }

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

      function add(el, tag, r, interactive, frame, dx, dy, rect) {
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
        elements.push(entry);
        if (r === 'heading' && /^H[1-3]$/.test(tag) && headings.length < 12) headings.push(cleanCut(el.textContent, 100));
        if (!interactive && digestLength < 900 && text) { digest.push(text); digestLength += text.length + 1; }
      }

      function walk(parent, frame, dx, dy, inText) {
        for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
          visit(el, frame, dx, dy, inText);
        }
      }

      function hasOwnText(el) {
        for (let c = el.firstChild; c; c = c.nextSibling) {
          if (c.nodeType === 3 && c.nodeValue.trim().length > 1) return true;
        }
        return false;
      }

      function visit(el, frame, dx, dy, inText) {
        const tag = el.tagName;
        if (SKIP.has(tag)) return;
        if (!visible(el)) {
          // display: contents has no box of its own, but its children do.
          if (getComputedStyle(el).display === 'contents') walk(el, frame, dx, dy, inText);
          return;
        }
        if (tag === 'LABEL' && el.control) {
          // A field's label is its name, not an element of its own.
          walk(el, frame, dx, dy, true);
          return;
        }
        const r = role(el, tag);
        const interactive = isInteractive(el, tag, r);
        if (tag === 'IFRAME' || tag === 'FRAME') {
          const rect = el.getBoundingClientRect();
          add(el, tag, 'frame', false, frame, dx, dy, rect);
          let doc = null;
          try { doc = el.contentDocument; } catch (e) { doc = null; }
          if (doc && doc.body) {
            watch(doc);
            const fx = dx + rect.left + el.clientLeft, fy = dy + rect.top + el.clientTop;
            walk(doc.body, frame.concat([el.__deftNumber]), fx, fy, false);
          }
          return;
        }
        let listed = false;
        if (interactive || tag === 'IMG' && el.getAttribute('alt') || tag === 'CANVAS' || r === 'heading' || r === 'alert' || r === 'status') {
          const rect = el.getBoundingClientRect();
          if (rect.width > 0 && rect.height > 0 || tag === 'INPUT') {
            add(el, tag, r, interactive, frame, dx, dy, rect);
            listed = true;
          }
        } else if (!inText && TEXT_TAGS.has(tag) && hasOwnText(el)) {
          const rect = el.getBoundingClientRect();
          if (rect.width > 0 && rect.height > 0) {
            add(el, tag, r, false, frame, dx, dy, rect);
            listed = true;
          }
        }
        if (el.shadowRoot) { watch(el.shadowRoot); walk(el.shadowRoot, frame, dx, dy, false); }
        // Inside a listed element only further interactive elements matter (a link in a paragraph, an input in a label).
        if (!(listed && (tag === 'BUTTON' || tag === 'A' || tag === 'SELECT' || tag === 'TEXTAREA'))) {
          // Long text blocks do not hide their children, so that a page's sections stay separate entries.
          walk(el, frame, dx, dy, inText || listed && !interactive && el.textContent.length <= 300 || listed && interactive);
        }
      }

      const modal = document.querySelector('dialog:modal');
      const start = performance.now();
      if (modal) visit(modal, [], 0, 0, false); else if (document.body) walk(document.body, [], 0, 0, false);
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

    // What a person would check after an action on el: its value, state and text.
    function readBack(el) {
      const tag = el.tagName;
      const value = valueOf(el, tag);
      return { value: value === null ? null : cut(value, 200), states: statesOf(el, tag), text: cut(ownText(el, tag), 120),
        name: cut(nameOf(el, tag, labelOf(el, tag), ownText(el, tag)), 120) };
    }

    // Hides what sensitive fields hold (passwords, card numbers, codes, and any field Deft typed a secret into)
    // while a screenshot is taken, in the page and its same-origin frames; mask(false) shows them again. Answers how
    // many fields are masked.
    const SENSITIVE = /card|cvc|cvv|cv2|security code|expir|iban|account number|routing|sort code|\bpin\b|password|passcode|one-time/i;
    function mask(on) {
      let masked = 0;
      function apply(doc) {
        let style = doc.getElementById('__deft_mask');
        if (!on) {
          if (style) style.remove();
        } else {
          if (!style) {
            style = doc.createElement('style');
            style.id = '__deft_mask';
            style.textContent = '[data-deft-mask]{-webkit-text-security:disc!important;caret-color:transparent!important}';
            (doc.head || doc.documentElement).appendChild(style);
          }
          doc.querySelectorAll('input,textarea').forEach(el => {
            const words = [el.type, el.getAttribute('autocomplete'), el.name, el.id, el.placeholder,
              el.getAttribute('aria-label'), labelOf(el, el.tagName)].join(' ');
            if (el.type === 'password' || /^cc-/.test(el.getAttribute('autocomplete') || '') || SENSITIVE.test(words)
                || el.hasAttribute('data-deft-secret')) el.setAttribute('data-deft-mask', '');
          });
          masked += doc.querySelectorAll('[data-deft-mask]').length;
        }
        doc.querySelectorAll('iframe').forEach(frame => {
          let inner = null;
          try { inner = frame.contentDocument; } catch (e) { inner = null; }
          if (inner) apply(inner);
        });
      }
      apply(document);
      return masked;
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
        e.b[0], e.b[1], e.b[2], e.b[3], e.f.join(','), e.fm || '', field(e.ac)].join('|'));
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

    return { version: 9, observe, observeText, observeSettled, query, find, prepare, actionable, focusField, readBack, pageText, table, mainText, mask };
  })();
}
