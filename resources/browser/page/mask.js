// Deft's page library, part 6 of 6: hiding sensitive fields for a screenshot.
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
