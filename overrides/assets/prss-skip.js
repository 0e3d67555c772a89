/* "Skip to content" must move keyboard focus, not only the view (WCAG 2.4.1 Bypass Blocks).
 * Material's instant navigation takes over in-page links and only scrolls, so the next Tab often went
 * back into the header. This handles the skip link before Material sees the click: it focuses the page
 * title (made focusable by script only), scrolls to it and records the fragment in the address.
 * Generated into docs/assets/prss-skip.js by prss/skiplink.py. */
(function () {
  "use strict";
  if (window.prssSkipLink) return; /* instant navigation may run the script again */
  window.prssSkipLink = true;
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
})();
