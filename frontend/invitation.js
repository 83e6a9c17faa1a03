/* /invitation#TOKEN: someone invited by the coordinator sees the association's name, chooses a
 * username and a password (typed twice), and is then logged in on /forening. The token stays
 * in the URL fragment, so it is never sent to the server in a page request or a log line. */
(function () {
  'use strict';

  var P = window.Portal;
  var byId = P.byId;
  var statusEl = byId('status');
  var errorEl = byId('fejl');
  var form = byId('opret-form');
  var token = decodeURIComponent(location.hash.replace(/^#/, ''));
  var MIN_PASSWORD = 10;

  function fail(text, focus) {
    errorEl.textContent = text;
    errorEl.hidden = !text;
    if (focus) focus.focus();
  }

  var GONE = 'Invitationen findes ikke, er brugt eller er udløbet. Bed kommunens koordinator om et nyt link.';

  if (!/^[A-Za-z0-9_-]{8,200}$/.test(token)) {
    statusEl.textContent = '';
    fail('Linket er ikke helt. Kopiér hele linket fra mailen, og prøv igen.');
    return;
  }
  var base = '/api/v1/invitations/' + encodeURIComponent(token);

  P.api('GET', base).then(function (ans) {
    statusEl.textContent = '';
    if (!ans.ok || !ans.body) { fail(ans.status === 404 ? GONE : P.errorMessage(ans)); return; }
    var a = ans.body.association || {};
    byId('forening').textContent = 'Du er inviteret til at redigere aktiviteterne for ' + (a.name || a.id) +
      '. Linket virker til ' + P.date(ans.body.expires_at) + '.';
    byId('opret').hidden = false;
    byId('opret-titel').focus();
  });

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var user = form.elements.username;
    var pass = form.elements.password;
    var again = form.elements.repeat;
    if (!user.value.trim() || /\s/.test(user.value.trim())) {
      fail('Skriv et brugernavn uden mellemrum.', user);
      return;
    }
    if (pass.value.length < MIN_PASSWORD) {
      fail('Adgangskoden skal være mindst ' + MIN_PASSWORD + ' tegn.', pass);
      return;
    }
    if (pass.value !== again.value) {
      fail('De to adgangskoder er ikke ens. Skriv dem igen.', again);
      return;
    }
    fail('');
    statusEl.textContent = 'Opretter din konto …';
    P.login(user.value.trim(), pass.value, base + '/accept').then(function (s) {
      statusEl.textContent = '';
      if (s.error) { fail(s.status === 404 ? GONE : s.error, user); return; }
      location.href = '/forening';
    });
  });
})();
