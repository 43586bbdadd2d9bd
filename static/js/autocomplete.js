// Suggestions for the search box: progressive enhancement. Without JavaScript the search box
// works as an ordinary form; with it, the browser's own <datalist> offers up to eight titles
// and topics as you type (keyboard and screen reader support come from the browser).
(function () {
  "use strict";
  var MIN_LENGTH = 2;
  var DELAY_MS = 200;

  function enhance(input) {
    var url = input.getAttribute("data-suggestions-url");
    var list = document.getElementById(input.getAttribute("list"));
    if (!url || !list) return;
    var timer = null;
    var lastQuery = "";
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < MIN_LENGTH || query === lastQuery) return;
      timer = window.setTimeout(function () {
        lastQuery = query;
        fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { suggesties: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.suggesties.map(function (text) {
              var option = document.createElement("option");
              option.value = text;
              return option;
            }));
          })
          .catch(function () { /* no suggestions: the form still works */ });
      }, DELAY_MS);
    });
  }

  document.querySelectorAll("input[data-suggestions-url]").forEach(enhance);
})();
