// Forms that may take a while (dialogue import): show that the work is under way, once.
document.querySelectorAll("form[data-busy-form]").forEach(function (form) {
  form.addEventListener("submit", function () {
    var busy = form.querySelector(".busy");
    var button = form.querySelector("button[type=submit]");
    if (busy) busy.hidden = false;
    if (button) {
      button.disabled = true;
      button.setAttribute("aria-disabled", "true");
    }
  });
});
