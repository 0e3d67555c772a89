/* "Copy link" on the Cite this page box. Progressive: the permanent link is always shown as text;
   the button stays hidden unless the browser can copy to the clipboard. */
(function () {
  function reveal() {
    if (!navigator.clipboard) return;
    document.querySelectorAll("button.prss-copy[hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.prss-copy");
    if (!button) return;
    navigator.clipboard.writeText(button.dataset.copy).then(function () {
      button.textContent = "Link copied";
    }, function () {
      button.textContent = "Copy failed: select the link above";
    });
  });
  if (window.document$) window.document$.subscribe(reveal);  // Material's instant navigation
  else document.addEventListener("DOMContentLoaded", reveal);
})();
