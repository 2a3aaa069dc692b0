// The statement form's language switch: one choice for title, summary and body together (Arabic, English, or both
// side by side). It only shows and hides fields; every field stays in the form and is saved.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const switcher = document.querySelector(".translation-view");
  const first = document.querySelector(".field-title_ar");
  if (!switcher || !first) {
    return;
  }
  const form = switcher.closest("form");
  first.closest("fieldset").classList.add("translated-fields");
  const show = (value) => {
    form.dataset.translationView = value;
  };
  for (const radio of switcher.querySelectorAll("input[type=radio]")) {
    radio.addEventListener("change", () => show(radio.value));
    if (radio.checked) {
      show(radio.value);
    }
  }
  switcher.hidden = false;
});
