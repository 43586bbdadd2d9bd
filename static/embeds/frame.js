/* Inside an embed: tell the page around it how tall the content is (see /embed/embed.js). */
(function () {
  "use strict";
  if (window.parent === window) { return; }
  var last = 0;
  function report() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "kennisplatform:hoogte", hoogte: height }, "*");
    }
  }
  window.addEventListener("load", report);
  if ("ResizeObserver" in window) { new ResizeObserver(report).observe(document.body); }
  report();
})();
