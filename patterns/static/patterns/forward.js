// Vooruit falen: an "Afdrukken" button where there is script (without it, the browser's own
// print command prints the same checklist).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
