// Deft's page library, part 2 of 6: what a person calls an element (its role, accessible name, label, text, value,
// states) and the card, row or section it sits in.
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
