/* /k and /k/CODE: the citizen's portal card. The code comes from the path (/k/K7MXP4RT),
 * ?kode= or the #hash, or is typed by hand (any case, with or without dash or spaces). Shows
 * the activities chosen on the visit and the first page of the saved search, in large text,
 * with a "Stor skrift" switch (remembered in this browser) and printing. */
(function () {
  'use strict';

  var P = window.Portal;
  var el = P.el;
  var byId = P.byId;
  var ALPHABET = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/;
  var LARGE_KEY = 'portal.storskrift';

  function say(text) { byId('status').textContent = text; }
  function showError(text) { byId('fejl').textContent = text || ''; byId('fejl').hidden = !text; }

  // "k7mx-p4rt", "K7MX P4RT" → "K7MXP4RT"; null when it cannot be a card code.
  function normalise(text) {
    var c = String(text || '').toUpperCase().replace(/[\s\-–]/g, '');
    return ALPHABET.test(c) ? c : null;
  }
  function pretty(code) { return code.slice(0, 4) + '-' + code.slice(4); }

  function codeFromAddress() {
    var m = location.pathname.match(/^\/k\/([^/]+)$/);
    if (m) return decodeURIComponent(m[1]);
    var q = new URLSearchParams(location.search).get('kode');
    if (q) return q;
    return location.hash ? decodeURIComponent(location.hash.slice(1)) : '';
  }

  function setLarge(on) {
    document.documentElement.classList.toggle('large', on);
    byId('stor-skrift').setAttribute('aria-pressed', on ? 'true' : 'false');
    try { localStorage.setItem(LARGE_KEY, on ? '1' : '0'); } catch (e) { /* private mode */ }
  }

  function askForCode(message) {
    byId('kortet').hidden = true;
    byId('udskriv').hidden = true;
    byId('skriv-kode').hidden = false;
    byId('kode-fejl').textContent = message || '';
    byId('kode-fejl').hidden = !message;
    if (message) byId('kode').setAttribute('aria-invalid', 'true');
    else byId('kode').removeAttribute('aria-invalid');
    byId('kode').focus();
  }

  function fill(list, results, empty) {
    P.clear(list);
    results.forEach(function (r) { list.appendChild(P.renderResult(r)); });
    if (!results.length && empty) list.appendChild(el('li', 'card', [empty]));
  }

  function show(code) {
    showError('');
    say('Henter dit kort …');
    P.api('GET', '/api/v1/cards/' + code).then(function (ans) {
      if (ans.status === 404) {
        say('');
        byId('kode').value = pretty(code);  // to correct, not to type again
        askForCode('Vi kan ikke finde et kort med koden ' + pretty(code) + '. Tjek koden og prøv igen.');
        return;
      }
      if (!ans.ok || !ans.body) { say(''); showError(P.errorMessage(ans)); return; }
      var card = ans.body;
      if (location.pathname !== '/k/' + code && window.history && history.replaceState) {
        history.replaceState(null, '', '/k/' + code);
      }
      byId('skriv-kode').hidden = true;
      byId('kort-titel').textContent = 'Dit kort ' + (card.code || pretty(code)) +
        (card.created ? ' fra ' + P.date(card.created) : '');
      var chosen = card.activities || [];
      byId('valgte').hidden = !chosen.length;
      fill(byId('valgte-liste'), chosen);
      var more = (card.search_results && card.search_results.results) || [];
      var chosenIds = chosen.map(function (a) { return a.id; });
      more = more.filter(function (r) { return chosenIds.indexOf(r.id) < 0; });
      byId('flere').hidden = !card.search && !more.length;
      byId('flere-tekst').textContent = more.length ? 'Andre aktiviteter, der passer til det, du fortalte om.' : '';
      fill(byId('flere-liste'), more, 'Der er ingen flere forslag lige nu.');
      byId('kortet').hidden = false;
      byId('udskriv').hidden = false;
      say('');
      byId('kort-titel').focus();
    });
  }

  byId('kode-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var code = normalise(byId('kode').value);
    if (!code) { askForCode('Koden skal have 8 tegn, fx K7MX-P4RT. Tallet 0 og bogstavet O bruges ikke, heller ikke 1, I og L.'); return; }
    byId('kode').removeAttribute('aria-invalid');
    byId('kode-fejl').hidden = true;
    show(code);
  });

  byId('stor-skrift').addEventListener('click', function () {
    setLarge(byId('stor-skrift').getAttribute('aria-pressed') !== 'true');
  });
  byId('udskriv').addEventListener('click', function () { window.print(); });

  var large = false;
  try { large = localStorage.getItem(LARGE_KEY) === '1'; } catch (e) { /* private mode */ }
  setLarge(large);

  P.loadVocabulary().then(function () {
    var given = codeFromAddress();
    var code = normalise(given);
    if (code) show(code);
    else askForCode(given ? 'Koden ' + given + ' er ikke en gyldig kode. Den skal have 8 tegn, fx K7MX-P4RT.' : '');
  });
})();
