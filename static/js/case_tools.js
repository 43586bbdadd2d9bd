// "Afdrukken" and "Link kopiëren" on a case page. Both buttons start hidden: without this
// script they would do nothing (the browser's own print and the address bar still work).
(function () {
  "use strict";
  var printButton = document.querySelector("[data-print]");
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }
  var copyButton = document.querySelector("[data-copy-link]");
  if (copyButton && navigator.clipboard) {
    var status = document.getElementById(copyButton.getAttribute("aria-describedby"));
    copyButton.hidden = false;
    copyButton.addEventListener("click", function () {
      navigator.clipboard.writeText(copyButton.dataset.copyLink).then(
        function () { status.textContent = copyButton.dataset.copied; },
        function () { status.textContent = copyButton.dataset.failed; }
      );
    });
  }
})();
