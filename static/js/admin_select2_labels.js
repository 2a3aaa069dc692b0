// Django's autocomplete (select2) draws the chosen keywords as a list that also holds its "clear" cross, and a
// search box with no name. Each time it redraws: the search box takes the field's label, and the list, which is
// not a clean list, is presented as plain content (its items keep their text and titles).
"use strict";
(() => {
  const repair = (rendered) => {
    rendered.setAttribute("role", "presentation");
    for (const item of rendered.children) {
      item.setAttribute("role", "presentation");
    }
    const container = rendered.closest(".select2-container");
    const select = container && container.previousElementSibling;
    const label = select && select.id && document.querySelector(`label[for="${select.id}"]`);
    const search = rendered.querySelector(".select2-search__field");
    if (label && search) {
      search.setAttribute("aria-label", label.textContent.replace(/[:\s]+$/, "").trim());
    }
  };
  const repairAll = () => document.querySelectorAll(".select2-selection__rendered").forEach(repair);
  document.addEventListener("DOMContentLoaded", () => {
    repairAll();
    new MutationObserver(repairAll).observe(document.body, { childList: true, subtree: true });
  });
})();
