// What every demo page shares: a generated id for each field (so that ids never work as a locator) and posting forms.
'use strict';
const demo = {
  // A fresh id on every load, as many real sites generate them.
  freshId(prefix) { return prefix + '-' + Math.random().toString(36).slice(2, 9); },

  // Gives every element marked data-field a generated id and points its label at it.
  wireFields(root) {
    (root || document).querySelectorAll('[data-field]').forEach(field => {
      const id = demo.freshId(field.dataset.field);
      const label = (root || document).querySelector('label[data-for="' + field.dataset.field + '"]');
      field.id = id;
      if (label) label.htmlFor = id;
    });
  },

  async post(path, values) {
    const response = await fetch(path, { method: 'POST', body: new URLSearchParams(values), credentials: 'same-origin' });
    return response.json();
  },

  param(name) { return new URLSearchParams(location.search).get(name); },

  // Calls fn after a short delay, as pages that load their content do.
  later(ms, fn) { setTimeout(fn, ms); },

  escape(text) {
    return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  },
};
