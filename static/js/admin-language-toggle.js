// wagtail-modeltranslation's language toggle ("EN", "DA" above the fields) shows which
// languages are open by colour only. Tell assistive technology too: each toggle is a button
// that is pressed while its language's fields are shown. wagtail-modeltranslation builds the
// toggle once the page is ready; this waits for it and then follows each click.
(function () {
  function follow(button) {
    const update = function () {
      const pressed = button.classList.contains("showing-locale");
      button.setAttribute("aria-pressed", pressed ? "true" : "false");
    };
    update();
    new MutationObserver(update).observe(button, { attributes: true, attributeFilter: ["class"] });
  }

  function setUp() {
    const buttons = document.querySelectorAll(".locale-picker button.locale-toggle");
    buttons.forEach(follow);
    return buttons.length > 0;
  }

  function start() {
    if (setUp()) {
      return;
    }
    const observer = new MutationObserver(function () {
      if (setUp()) {
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
