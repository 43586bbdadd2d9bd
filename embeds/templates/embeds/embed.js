/* Kennisplatform Wijkaanpak: fits the platform's iframes on this page to their content.
   MIT licence. The frame reports its height with postMessage; only messages from the platform's
   own origin, from one of this page's iframes, are followed. */
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = script ? new URL(script.src).origin : "{{ request.scheme }}://{{ request.get_host }}";
  if (window.__kennisplatformEmbeds) { return; }
  window.__kennisplatformEmbeds = true;
  window.addEventListener("message", function (event) {
    if (event.origin !== origin) { return; }
    var data = event.data;
    if (!data || data.type !== "kennisplatform:hoogte" || typeof data.hoogte !== "number") { return; }
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(40, Math.min(10000, Math.ceil(data.hoogte))) + "px";
      }
    }
  });
})();
