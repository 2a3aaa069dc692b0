// The editor wraps its textarea in a new element; the textarea's dir and lang must reach the
// editable area, or an English body in the Arabic admin (and the reverse) is typed in the wrong direction.
"use strict";
// Icons that point along the line (lists, quotation, undo and redo): mirrored in a right-to-left editor.
const MIRRORED_ICONS = new Set(["notes", "format_list_bulleted", "format_list_numbered", "format_quote", "undo", "redo"]);
document.addEventListener("prose-editor:ready", (event) => {
  const { editor, textarea } = event.detail;
  // The editable area is a textbox of its own: it takes the name of the field's label.
  const label = textarea.id && document.querySelector(`label[for="${textarea.id}"]`);
  if (label) {
    editor.view.dom.setAttribute("aria-label", label.textContent.replace(/[:\s]+$/, "").trim());
  }
  for (const name of ["dir", "lang"]) {
    const value = textarea.getAttribute(name);
    if (value) {
      editor.view.dom.setAttribute(name, value);
    }
  }
  // The toolbar's tooltips are written in English by the editor: translated through the admin's JavaScript
  // catalogue (locale/*/LC_MESSAGES/djangojs.po), and given as each button's name instead of its icon's ligature.
  const translate = window.gettext || ((text) => text);
  const row = textarea.closest(".form-row") || textarea.parentElement;
  const dress = () => {
    for (const button of row.querySelectorAll(".prose-menubar__button[title]:not([data-dressed])")) {
      const title = translate(button.title);
      button.title = title;
      button.setAttribute("aria-label", title);
      button.dataset.dressed = "1";
      if (textarea.getAttribute("dir") === "rtl" && MIRRORED_ICONS.has(button.textContent.trim())) {
        button.classList.add("mirrored");
      }
    }
  };
  // The editor draws (and may redraw) its toolbar after it says it is ready.
  dress();
  new MutationObserver(dress).observe(row, { childList: true, subtree: true });
});
