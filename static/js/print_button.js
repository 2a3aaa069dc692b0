// The print view's Print button: shown only when JavaScript runs, since it is JavaScript that prints.
// A static file, not an inline handler, so a Content-Security-Policy without 'unsafe-inline' allows it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll(".print-button")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
});
