// Tells the server that served this page what the page did, so that a test checks what the page really holds and
// never what Deft says it did. After every input, change, press and form submission it POSTs to /report, as JSON,
// the page's whole state: each named field's value, each box's checked state, the ARIA widgets' states, the last
// control pressed (by its id), the last form submitted, and whether the event committed something (a press on a
// control marked data-commits, or a form sent). Forms are never really sent: the page stays, so its state can go on.
(function () {
  'use strict';
  let pressed = '';
  let submitted = '';
  let seq = 0;

  const PRESSABLE = 'button, a, summary, input[type=submit], input[type=button], input[type=reset], '
    + '[role=button], [role=tab], [role=switch], [role=checkbox], [role=radio], [role=menuitem], '
    + '[role=menuitemcheckbox], [role=menuitemradio], [role=option], [role=link]';

  /** This document and every open shadow root inside it, outermost first. */
  function roots() {
    const found = [document];
    for (let i = 0; i < found.length; i++) {
      found[i].querySelectorAll('*').forEach(el => { if (el.shadowRoot) found.push(el.shadowRoot); });
    }
    return found;
  }

  function all(selector) {
    return roots().flatMap(root => Array.from(root.querySelectorAll(selector)));
  }

  function keyOf(el) {
    return el.getAttribute('data-name') || el.getAttribute('name') || el.id || '';
  }

  function valueOfWidget(el) {
    return el.getAttribute('data-value') || el.id || (el.textContent || '').trim();
  }

  function state() {
    const s = {};
    const boxes = {};
    all('input, select, textarea').forEach(el => {
      const key = keyOf(el);
      const type = (el.type || '').toLowerCase();
      if (!key || ['submit', 'button', 'reset', 'file', 'image'].includes(type)) return;
      if (type === 'checkbox') {
        (boxes[key] = boxes[key] || []).push(el);
      } else if (type === 'radio') {
        if (!(key in s)) s[key] = '';
        if (el.checked) s[key] = el.value;
      } else if (el.tagName === 'SELECT' && el.multiple) {
        s[key] = Array.from(el.selectedOptions).map(o => o.value).join(',');
      } else {
        s[key] = el.value;
      }
    });
    Object.entries(boxes).forEach(([key, group]) => {
      s[key] = group.length === 1 ? String(group[0].checked)
        : group.filter(box => box.checked).map(box => box.value).join(',');
    });
    all('[role=switch], [role=checkbox], [role=menuitemcheckbox]').forEach(el => {
      const key = keyOf(el);
      if (key && el.tagName !== 'INPUT') s[key] = el.getAttribute('aria-checked') || 'false';
    });
    all('[role=radiogroup], [role=tablist], [role=listbox], [role=menu]').forEach(group => {
      const key = keyOf(group);
      if (!key) return;
      const chosen = Array.from(group.querySelectorAll('[role=radio], [role=tab], [role=option], [role=menuitemradio]'))
        .filter(item => item.getAttribute('aria-checked') === 'true' || item.getAttribute('aria-selected') === 'true');
      if (chosen.length || !(key in s)) s[key] = chosen.map(valueOfWidget).join(',');
    });
    all('[aria-expanded][id]').forEach(el => { s[el.id + '.expanded'] = el.getAttribute('aria-expanded'); });
    all('details[id]').forEach(el => { s[el.id + '.open'] = String(el.open); });
    all('[data-report]').forEach(el => {
      s[el.getAttribute('data-report')] = el.hasAttribute('data-value') ? el.getAttribute('data-value')
        : (el.textContent || '').trim().replace(/\s+/g, ' ');
    });
    s.pressed = pressed;
    s.submitted = submitted;
    return s;
  }

  function send(event, commit, extra) {
    const body = Object.assign({ page: location.pathname, seq: ++seq, at: performance.timeOrigin + performance.now(),
      event, commit: commit || '', state: state() }, extra || {});
    fetch('/report', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      keepalive: true }).catch(() => { });
  }

  // after the page's own handlers have run, so the state sent is the one they left
  function later(fn) {
    setTimeout(fn, 0);
  }

  function onClick(event) {
    const el = event.composedPath().find(node => node.nodeType === 1 && node.matches(PRESSABLE));
    if (!el) return;
    const id = el.id || 'text:' + (el.getAttribute('aria-label') || el.textContent || '').trim();
    later(() => {
      pressed = id;
      send('click', el.hasAttribute('data-commits') ? id : '');
    });
  }

  function onSubmit(event) {
    const form = event.composedPath()[0];
    event.preventDefault();
    const by = event.submitter && event.submitter.id ? event.submitter.id : form.id;
    later(() => {
      submitted = form.id || 'form';
      send('submit', by, { form: Object.fromEntries(new FormData(form)) });
    });
  }

  function onChange() {
    later(() => send('change', ''));
  }

  const watched = new WeakSet();

  /** Listens on the document and on each open shadow root: change and submit do not cross a shadow boundary. */
  function watch() {
    roots().forEach(root => {
      if (watched.has(root)) return;
      watched.add(root);
      if (root === document) {
        // click and input are composed: the document sees them from inside shadow roots too
        root.addEventListener('click', onClick, true);
        root.addEventListener('input', onChange);
      }
      root.addEventListener('submit', onSubmit);
      root.addEventListener('change', onChange);
    });
  }

  /** What a page script calls after it changed its own state with no event a person made (a timer, a fetch). */
  window.reportState = reason => { watch(); send(reason || 'update', ''); };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => { watch(); send('load', ''); });
  } else {
    watch();
    send('load', '');
  }
})();
