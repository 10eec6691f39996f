// Deft's recorder: registered for every new document (a WebDriver BiDi preload script), it reports what the person
// does to Deft through `send` (a BiDi channel): clicks, typing, choosing, checking, Enter and Escape, and each page
// load. Each target comes with every way of finding it again that this page offers, best first.
(send) => {
  if (window.__deftRecorder) return;
  window.__deftRecorder = true;
  let nextId = 1;
  let seq = 0;
  const clean = s => (s || '').replace(/\s+/g, ' ').trim();
  const cut = (s, n) => s.length > n ? s.slice(0, n) : s;
  const FIELD_TYPES = new Set(['text', 'email', 'search', 'tel', 'url', 'number', 'password', 'date', 'time',
    'datetime-local', 'month', 'week', '']);

  function isField(el) {
    if (el.tagName === 'TEXTAREA' || el.isContentEditable) return true;
    return el.tagName === 'INPUT' && FIELD_TYPES.has((el.getAttribute('type') || '').toLowerCase());
  }

  // The label of a field: its <label>, the label just before it (as sites built of divs have it), or the label
  // around it. Only fields have one: a button after a labelled text area is not called by that label.
  function labelOf(el) {
    const by = el.getAttribute('aria-labelledby');
    if (by) return clean(by.split(' ').map(id => (document.getElementById(id) || {}).textContent || '').join(' '));
    if (!(isField(el) || el.tagName === 'SELECT')) return '';
    if (el.labels && el.labels.length) return clean(el.labels[0].textContent);
    const before = el.previousElementSibling;
    if (before && before.tagName === 'LABEL') return clean(before.textContent);
    const wrap = el.closest('label');
    if (wrap) return clean(wrap.textContent);
    return '';
  }

  function nameOf(el) {
    return clean(el.getAttribute('aria-label') || labelOf(el) || el.getAttribute('placeholder') || el.getAttribute('title')
      || el.getAttribute('alt') || (el.tagName === 'INPUT' && /^(submit|button)$/i.test(el.type) ? el.value : '')
      || (isField(el) ? '' : el.textContent));
  }

  // The role as Deft's page library names it (resources/browser/page/), so that a replay compares like with like.
  function roleOf(el) {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit.split(' ')[0];
    const tag = el.tagName;
    if (tag === 'A') return el.hasAttribute('href') ? 'link' : '';
    if (tag === 'BUTTON' || tag === 'SUMMARY') return 'button';
    if (tag === 'SELECT') return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
    if (tag === 'TEXTAREA') return 'textbox';
    if (tag === 'INPUT') {
      const type = (el.type || 'text').toLowerCase();
      if (type === 'checkbox' || type === 'radio') return type;
      if (type === 'submit' || type === 'button' || type === 'reset' || type === 'image') return 'button';
      if (type === 'search') return 'searchbox';
      if (type === 'number') return 'spinbutton';
      if (type === 'range') return 'slider';
      if (type === 'file') return 'file';
      return 'textbox';
    }
    if (el.isContentEditable) return 'textbox';
    return '';
  }

  // The heading of the card, row or section the element sits in: what tells one "Add to cart" from another.
  function contextOf(el) {
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const heading = box.querySelector('h1,h2,h3,h4,h5,h6,[role=heading],strong,th');
      if (heading && !heading.contains(el)) {
        const text = clean(heading.textContent);
        if (text) return cut(text, 80);
      }
    }
    return '';
  }

  // An id or attribute that will be there next time: not one a framework generated ("ember123", ":r5:",
  // "field-a8x3k"); words joined by hyphens ("job-title", "save-profile") are a person's and are kept.
  const generated = s => /\d{3,}|\b(?=[a-f0-9]*\d)[a-f0-9]{8,}\b|^[a-z]+-(?=[a-z]*\d)[a-z0-9]{5,}$|:r\d|^ember|^ng-|^react/i
    .test(s);

  function css(el) {
    if (el.id && !generated(el.id)) return '#' + CSS.escape(el.id);
    for (const attr of ['data-testid', 'data-test', 'data-field', 'name']) {
      const v = el.getAttribute(attr);
      if (v && !generated(v)) return el.tagName.toLowerCase() + '[' + attr + '="' + v.replace(/"/g, '\\"') + '"]';
    }
    return '';
  }

  function xpathLiteral(s) {
    return s.includes("'") ? '"' + s + '"' : "'" + s + "'";
  }

  function xpathOf(el, name, context) {
    const tag = el.tagName.toLowerCase();
    const text = clean(el.textContent);
    let own = '';
    if (!isField(el) && text && text.length <= 60) own = '//' + tag + '[normalize-space(.)=' + xpathLiteral(text) + ']';
    else if (el.getAttribute('aria-label')) own = '//' + tag + '[@aria-label=' + xpathLiteral(el.getAttribute('aria-label')) + ']';
    else if (isField(el) && labelOf(el)) return '//label[normalize-space(.)=' + xpathLiteral(labelOf(el)) + ']/following::'
      + tag + '[1]';
    if (own && context) {
      // the heading of the card or row, then the one element like it inside the nearest box that holds both
      return '//*[(self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::strong or self::th)'
        + ' and normalize-space(.)=' + xpathLiteral(context) + ']/ancestor::*[.' + own + '][1]' + own;
    }
    return own;
  }

  // Only an XPath that this browser evaluates and that finds this very element first is worth keeping.
  function xpath(el, name, context) {
    const expression = xpathOf(el, name, context);
    if (!expression) return '';
    try {
      const found = document.evaluate(expression, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null);
      return found.singleNodeValue === el ? expression : '';
    } catch (e) {
      return '';
    }
  }

  function target(el) {
    const role = roleOf(el);
    const name = cut(nameOf(el), 100);
    const context = contextOf(el);
    const t = {
      role, name, label: isField(el) || el.tagName === 'SELECT' ? labelOf(el) : '',
      placeholder: clean(el.getAttribute('placeholder')), text: isField(el) ? '' : cut(clean(el.textContent), 100),
      near: context, css: css(el), xpath: xpath(el, name, context), tag: el.tagName.toLowerCase(),
      type: (el.getAttribute('type') || '').toLowerCase(), autocomplete: el.getAttribute('autocomplete') || '',
    };
    // several alike on the page ("Add to cart" on every card) need their context to tell them apart
    const same = Array.from(document.querySelectorAll(el.tagName)).filter(o => o !== el && clean(o.textContent) === clean(el.textContent)
      && nameOf(o) === nameOf(el));
    t.unique = same.length === 0;
    return t;
  }

  function idOf(el) {
    if (!el.__deftRecId) el.__deftRecId = nextId++;
    return el.__deftRecId;
  }

  function report(kind, el, extra) {
    const event = Object.assign({ kind, url: location.href, frame: window !== window.top, at: Date.now(), seq: ++seq },
      extra || {});
    if (el) {
      event.id = idOf(el);
      event.target = target(el);
    }
    send(JSON.stringify(event));
  }

  const actionable = el => el && el.closest('a,button,input,select,textarea,summary,label,[role=button],[role=link],'
    + '[role=checkbox],[role=radio],[role=switch],[role=tab],[role=menuitem],[role=menuitemcheckbox],'
    + '[role=menuitemradio],[role=option],[role=treeitem],[onclick],[contenteditable=""],[contenteditable=true]');

  // A box drawn with ARIA (role=switch, checkbox, radio) fires no change: its click is the choice, and the state
  // it had before the click says which way it went.
  const ARIA_TOGGLE = /^(checkbox|switch|radio|menuitemcheckbox|menuitemradio)$/;

  document.addEventListener('click', e => {
    const el = actionable(e.target);
    if (!el || !e.isTrusted) return;
    if (el.tagName === 'LABEL' && el.control) return; // the click lands on its field, reported there
    const role = el.getAttribute('role') || '';
    const extra = { field: isField(el) || el.tagName === 'SELECT' };
    if (el.tagName !== 'INPUT' && ARIA_TOGGLE.test(role)) {
      extra.toggle = true;
      extra.checked = /radio/.test(role) ? true : el.getAttribute('aria-checked') !== 'true';
    }
    report('click', el, extra);
  }, true);

  document.addEventListener('input', e => {
    const el = e.target;
    if (!isField(el) || !e.isTrusted) return;
    const secret = (el.type || '').toLowerCase() === 'password' || /password|passcode|cvc|cvv/i.test(el.autocomplete || '');
    report('input', el, { value: secret ? '' : (el.isContentEditable ? el.textContent : el.value), secret });
  }, true);

  document.addEventListener('change', e => {
    const el = e.target;
    if (!e.isTrusted) return;
    if (el.tagName === 'SELECT') {
      const option = el.options[el.selectedIndex];
      report('select', el, { value: option ? clean(option.textContent) : el.value,
        options: Array.from(el.options).map(o => clean(o.textContent)) });
    } else if (el.tagName === 'INPUT' && (el.type === 'checkbox' || el.type === 'radio')) {
      report('check', el, { checked: el.checked });
    }
  }, true);

  document.addEventListener('keydown', e => {
    if (!e.isTrusted || !(e.key === 'Enter' || e.key === 'Escape')) return;
    const el = document.activeElement;
    if (e.key === 'Enter' && el && el.tagName === 'TEXTAREA') return; // a new line, not a submission
    report('key', el && el !== document.body ? el : null, { key: e.key });
  }, true);

  if (window === window.top) report('load', null, { title: document.title });
}
