/* The practice catalog's filters on phones (/practices/): "Filters (n)" opens the filter column as a full-screen
 * sheet (prss.css lays it out below 60em), a modal dialog that keeps the keyboard inside it; Escape or the close
 * button returns to "Filters", and "Show N practices" closes it on the results. Used by prss-catalog.js as
 * window.prssCatalogSheet; idle on its own.
 */
(function () {
  "use strict";

  var NARROW = window.matchMedia("(max-width: 59.9375em)");

  function attach(catalog) {
    var root = catalog.root, sheet = catalog.sheet, button = catalog.open;
    var closer = sheet.querySelector(".prss-catalog-close");

    function open() {
      root.setAttribute("data-sheet", "open");
      sheet.setAttribute("role", "dialog");
      sheet.setAttribute("aria-modal", "true");
      button.setAttribute("aria-expanded", "true");
      document.documentElement.classList.add("prss-sheet-open");
      closer.focus();
    }

    function close(toResults) {
      if (!root.hasAttribute("data-sheet")) return;
      root.removeAttribute("data-sheet");
      sheet.setAttribute("role", "region"); /* as the page has it: the filters' landmark */
      sheet.removeAttribute("aria-modal");
      button.setAttribute("aria-expanded", "false");
      document.documentElement.classList.remove("prss-sheet-open");
      if (!toResults) return button.focus();
      catalog.status.setAttribute("tabindex", "-1");
      catalog.status.focus({ preventScroll: true });
      catalog.status.scrollIntoView({ block: "start" }); /* prss.css keeps it clear of the fixed header */
    }

    button.addEventListener("click", open);
    closer.addEventListener("click", function () { close(false); });
    catalog.show.addEventListener("click", function () { close(true); });
    sheet.addEventListener("keydown", function (event) {
      if (!root.hasAttribute("data-sheet")) return;
      if (event.key === "Escape") return close(false);
      if (event.key !== "Tab") return;
      var edge = event.shiftKey ? closer : catalog.show; /* the first and last controls of the sheet */
      if (document.activeElement !== edge) return;
      event.preventDefault();
      (event.shiftKey ? catalog.show : closer).focus();
    });
    NARROW.addEventListener("change", function () {
      if (!NARROW.matches && document.contains(root)) close(false);
    });
  }

  window.prssCatalogSheet = { attach: attach };
})();
