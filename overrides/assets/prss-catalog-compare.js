/* The practice catalog's "Compare" check-boxes (/practices/): with 2 to 4 practices ticked, in the order ticked,
 * the bar under the list links to the compare page, ../compare/?p=<slug>&p=<slug> (its address comes from the
 * catalog's data-compare). Used by prss-catalog.js as window.prssCatalogCompare; idle on its own.
 */
(function () {
  "use strict";

  var MIN = 2, MAX = 4;

  function attach(catalog) {
    var root = catalog.root, bar = root.querySelector(".prss-catalog-compare-bar");
    var link = bar.querySelector(".prss-catalog-compare-link"), note = bar.querySelector(".prss-catalog-compare-note");
    var chosen = catalog.compared; /* slugs, in the order ticked */

    function show(message) {
      bar.hidden = !chosen.length;
      link.hidden = chosen.length < MIN;
      if (chosen.length >= MIN) {
        link.href = address(root, chosen);
        link.textContent = "Compare " + chosen.length + " practices";
      } else {
        link.removeAttribute("href");
      }
      note.textContent = message || (chosen.length < MIN ? "1 practice chosen: tick another to compare them."
        : chosen.length + " of at most " + MAX + " practices chosen.");
    }

    root.addEventListener("change", function (event) {
      var box = event.target;
      if (!box.classList.contains("prss-catalog-compare-box")) return;
      var at = chosen.indexOf(box.value);
      if (box.checked && at < 0 && chosen.length >= MAX) {
        box.checked = false;
        return show("Compare takes at most " + MAX + " practices: untick one first.");
      }
      if (box.checked && at < 0) chosen.push(box.value);
      if (!box.checked && at >= 0) chosen.splice(at, 1);
      show();
    });
    bar.querySelector(".prss-catalog-compare-clear").addEventListener("click", function () {
      chosen.forEach(function (slug) {
        root.querySelector('.prss-catalog-compare-box[value="' + CSS.escape(slug) + '"]').checked = false;
      });
      chosen.length = 0;
      show();
    });
  }

  /* ../compare/?p=a&p=b from the catalog; from file:// (the offline bundle) ../compare/index.html?p=... */
  function address(root, slugs) {
    var url = new URL(root.getAttribute("data-compare"), location.href);
    if (location.protocol === "file:") url.pathname += "index.html";
    url.search = slugs.map(function (slug) { return "p=" + encodeURIComponent(slug); }).join("&");
    return url.href;
  }

  window.prssCatalogCompare = { attach: attach };
})();
