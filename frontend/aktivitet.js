/* The activity page and the card page: the "Udskriv" button (hidden without JavaScript, where
 * the browser's own print command does the same) calls print(). */
(function () {
  'use strict';
  var button = document.getElementById('udskriv');
  if (!button) return;
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
})();
