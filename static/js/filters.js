// The filters sit behind a "Filteren" disclosure so that on a phone the results come first.
// On a wide screen there is room beside the results, so there the disclosure starts open.
// Without this script the disclosure stays closed and opens with a click or Enter.
(function () {
  "use strict";
  if (!window.matchMedia("(min-width: 48.0625rem)").matches) return;
  document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
    details.open = true;
  });
})();
