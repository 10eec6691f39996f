// Counts the requests a page has in flight (fetch and XMLHttpRequest) with when each began, and notes when the page
// begins to leave, so that Deft can wait, after an action, for what the action sent. Registered for every new document where the browser allows it, and
// carried by Deft's page library otherwise (it then sees the requests sent after the library's first call).
(function () {
  if (window.__deftNet) return;
  const open = new Map();
  let next = 0;
  const net = window.__deftNet = {
    // how many requests begun at or after the time given (performance.now()) are still in flight
    since: from => { let n = 0; open.forEach(began => { if (began >= from) n++; }); return n; },
    ended: 0,
    // when the page began to leave for another document (a link followed, a form sent, a new address), as
    // performance.now(); -1 while it has not. A click's navigation may start only after the click has returned.
    leaving: -1
  };
  window.addEventListener('beforeunload', () => { net.leaving = performance.now(); }, true);
  const begin = () => { const id = ++next; open.set(id, performance.now()); return id; };
  const end = id => { if (open.delete(id)) net.ended = performance.now(); };
  const fetch = window.fetch;
  if (typeof fetch === 'function') {
    window.fetch = function () {
      const id = begin();
      try {
        const answer = fetch.apply(this, arguments);
        answer.then(() => end(id), () => end(id));
        return answer;
      } catch (e) {
        end(id);
        throw e;
      }
    };
  }
  if (typeof XMLHttpRequest === 'function') {
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function () {
      const id = begin();
      this.addEventListener('loadend', () => end(id), { once: true });
      try {
        return send.apply(this, arguments);
      } catch (e) {
        end(id);
        throw e;
      }
    };
  }
})();
