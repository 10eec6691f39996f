// The shop's cart lives in the browser's storage, like a guest cart on a real shop.
'use strict';
const shop = {
  key: 'deft-shop-cart',
  cart() { try { return JSON.parse(localStorage.getItem(shop.key)) || {}; } catch (e) { return {}; } },
  save(cart) { localStorage.setItem(shop.key, JSON.stringify(cart)); shop.showCount(); },
  add(id, quantity) { const cart = shop.cart(); cart[id] = (cart[id] || 0) + (quantity || 1); shop.save(cart); },
  remove(id) { const cart = shop.cart(); delete cart[id]; shop.save(cart); },
  count() { return Object.values(shop.cart()).reduce((a, b) => a + b, 0); },
  showCount() { const link = document.getElementById('cart-link'); if (link) link.textContent = 'Cart (' + shop.count() + ')'; },
  async products() { return (await fetch('/api/shop/products')).json(); },
  money(value) { return '€' + Number(value).toFixed(2); },
};
// ?reset=1 starts with an empty cart: the tests use it, and so can a person.
if (demo.param('reset')) localStorage.removeItem(shop.key);
document.addEventListener('DOMContentLoaded', shop.showCount);
