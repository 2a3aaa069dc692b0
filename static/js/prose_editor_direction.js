// The editor wraps its textarea in a new element; the textarea's dir and lang must reach the
// editable area, or an English body in the Arabic admin (and the reverse) is typed in the wrong direction.
"use strict";
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
});
