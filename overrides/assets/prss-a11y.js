/* Two accessibility fixes to Material's pages.
 *
 * "Skip to content" must move keyboard focus, not only the view (WCAG 2.4.1 Bypass Blocks). Material's
 * instant navigation takes over in-page links and only scrolls, so the next Tab often went back into the
 * header. This handles the skip link before Material sees the click: it focuses the page title (made
 * focusable by script only), scrolls to it and records the fragment in the address.
 *
 * Material's search overlay has role="dialog" but no name, so a screen reader announces an unnamed dialog
 * (Lighthouse's and axe's aria-dialog-name). It is named after its search box.
 */
(function () {
  "use strict";
  if (window.prssA11y) return; /* instant navigation may run the script again */
  window.prssA11y = true;
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a.md-skip") : null;
    var target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) return;
    event.preventDefault();
    event.stopPropagation();
    if (location.hash !== link.hash) history.pushState(history.state, "", link.hash);
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  }, true); /* capture: before Material's own click handler on the body */

  function nameSearch() {
    var dialog = document.querySelector(".md-search[role=dialog]:not([aria-label])");
    if (dialog) dialog.setAttribute("aria-label", "Search the library");
  }
  nameSearch();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(nameSearch);
})();
