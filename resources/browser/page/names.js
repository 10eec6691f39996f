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
  if (tag === 'A' && el.hasAttribute('href')) return true;
  if (tag === 'BUTTON' || tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'SUMMARY') return true;
  if (tag === 'INPUT') return el.type !== 'hidden';
  if (INTERACTIVE_ROLES.has(r)) return true;
  if (r === 'textbox') return true;
  return el.hasAttribute('onclick') || (el.tabIndex >= 0 && el.hasAttribute('tabindex')) || pointer(el, tag);
}

// What a person takes for a control though the page marks it as none: an element that shows the hand pointer,
// inside nothing that does (a script listens for its clicks).
function pointer(el, tag) {
  if (tag === 'BODY' || tag === 'HTML' || tag === 'LABEL') return false;
  if (getComputedStyle(el).cursor !== 'pointer') return false;
  const parent = el.parentElement;
  return !parent || getComputedStyle(parent).cursor !== 'pointer';
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
  const field = tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA';
  if (field && el.labels && el.labels.length) {
    return clean(Array.from(el.labels).map(l => l.textContent).join(' '));
  }
  // words beside the field only where the page gives the field no words of its own
  if (field && !['button', 'submit', 'reset', 'image', 'hidden'].includes((el.type || '').toLowerCase())
    && !['aria-label', 'title', 'placeholder'].some(a => clean(el.getAttribute(a)))) return besideLabel(el);
  if (!field && (tag === 'A' || tag === 'SPAN' || tag === 'DIV')) {
    // "Phone: <a>555-0101</a>": a caption ending in a colon names what follows it
    const caption = besideCaption(el);
    return caption;
  }
  return '';
}

function besideCaption(el) {
  let node = el;
  for (let level = 0; level < 2 && node && node !== document.body; level++) {
    let before = node.previousSibling;
    while (before && before.nodeType === 3 && !before.nodeValue.trim()) before = before.previousSibling;
    if (before) {
      const raw = before.nodeType === 3 ? before.nodeValue : before.nodeType === 1 && !before.querySelector('a,button,input') ? before.textContent : '';
      return /:\s*$/.test(raw) ? shortLabel(raw) : '';
    }
    node = node.parentElement;
  }
  return '';
}

// The words a person reads as a field's label where the page does not say: short text just before the field, or
// before the box holding it ("<td>Name</td><td><input></td>", "<div>Genre</div><div><input></div>"); failing that,
// just after it, when nothing comes before.
function besideLabel(el) {
  let node = el;
  for (let level = 0; level < 3 && node && node !== document.body; level++) {
    let before = node.previousSibling;
    while (before && (before.nodeType === 3 ? !before.nodeValue.trim()
      : before.nodeType !== 1 || before.tagName === 'BR' || !visible(before))) before = before.previousSibling;
    if (before) return captionOf(before);
    const after = node.nextElementSibling;
    if (after && level === 0 && node.parentElement && node.parentElement.childElementCount === 2) return captionOf(after);
    node = node.parentElement;
  }
  return '';
}

function captionOf(el) {
  if (el.nodeType === 3) return shortLabel(el.nodeValue);
  // a heading names the part of the page a field is in, not the field
  if (SKIP.has(el.tagName) || el.matches('h1,h2,h3,h4,h5,h6,input,select,textarea,button,a[href],[role],[contenteditable]')
      || el.querySelector('input,select,textarea,button,a[href]')) return '';
  return shortLabel(el.textContent);
}

function shortLabel(raw) {
  const text = clean(raw);
  return text.length <= 60 ? text.replace(/\s*[:*]+$/, '') : '';
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
  return clean(el.getAttribute('title') || el.getAttribute('placeholder') || '') || iconName(el, tag);
}

// An icon's name where the page gives none: the words of its picture's file ("delete.png"), else of its classes
// and id ("fa-trash", "star"), as a person names what the picture shows.
const PLAIN = new Set(['icon', 'icons', 'ico', 'btn', 'button', 'fa', 'fas', 'far', 'fab', 'fal', 'bi', 'glyphicon',
  'material', 'symbols', 'outlined', 'ui', 'js', 'clickable', 'active', 'pull', 'right', 'left', 'float', 'sm', 'lg',
  'xs', 'md', 'small', 'large', 'img', 'image', 'svg', 'action', 'actions', 'link', 'item', 'clicked', 'selected', 'png',
  'jpg', 'gif', 'webp', 'default', 'primary', 'secondary', 'mr', 'ml', 'me', 'ms', 'mx', 'my', 'px', 'py', 'fw', 'lw']);
function iconName(el, tag) {
  if (!(tag === 'IMG' || tag === 'A' || tag === 'BUTTON' || tag === 'SPAN' || tag === 'I' || tag === 'DIV' || tag === 'INPUT')) return '';
  // only a control or a picture is an icon: an empty message box (<div id="error" role="alert">) has no name
  if (tag !== 'IMG' && !isInteractive(el, tag, role(el, tag))) return '';
  if (el.childElementCount > 2 || clean(el.textContent)) return '';
  const style = getComputedStyle(el);
  const url = (tag === 'IMG' && el.getAttribute('src')) || urlIn(style.content) || urlIn(style.backgroundImage)
    || (el.firstElementChild && el.firstElementChild.tagName === 'IMG' && el.firstElementChild.getAttribute('src')) || '';
  const file = url && !url.startsWith('data:') ? url.split(/[?#]/)[0].split('/').pop().replace(/\.[a-z0-9]+$/i, '') : '';
  const words = (file + ' ' + (el.getAttribute('class') || '') + ' ' + (el.id || ''))
    .replace(/([a-z])([A-Z])/g, '$1 $2').split(/[\s_\-.]+/).map(w => w.toLowerCase())
    .filter(w => w.length > 1 && !PLAIN.has(w) && !/\d/.test(w));
  return clean(Array.from(new Set(words)).slice(0, 3).join(' '));
}
function urlIn(css) {
  const m = css && /url\(["']?([^"')]+)/.exec(css);
  return m ? m[1] : '';
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
  else if (tag === 'SUMMARY' && el.parentElement && el.parentElement.tagName === 'DETAILS' && !el.hasAttribute('aria-expanded')) {
    states.push(el.parentElement.open ? 'expanded' : 'collapsed');
  }
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
