// The header's Menu button is a <details>: it opens and closes without JavaScript. This adds
// what a script can: on a desktop, where site.css hides the button, browsers that cannot
// style ::details-content get the menu opened (so it shows); Escape closes an open menu on a
// phone and puts the focus back on the button.
(function () {
  "use strict";
  var menu = document.getElementById("site-menu");
  if (!menu) return;
  var summary = menu.querySelector("summary");
  var wide = window.matchMedia("(min-width: 48rem)");
  var styled = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");

  function fit() {
    if (!styled) menu.open = wide.matches;
  }
  fit();
  if (wide.addEventListener) wide.addEventListener("change", fit);

  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open && !wide.matches) {
      menu.open = false;
      summary.focus();
    }
  });
})();
