// Keeps the attributes the sanitiser allows but the editor's own nodes would drop on load:
// the direction and language of a paragraph, quotation or list item (an English quotation inside
// an Arabic body), a quotation's source and a link's language.
import { Extension } from "django-prose-editor/editor";

const attribute = (name) => ({
  default: null,
  parseHTML: (element) => element.getAttribute(name),
  renderHTML: (attributes) => (attributes[name] ? { [name]: attributes[name] } : {}),
});

export const KeepTextDirection = Extension.create({
  name: "keepTextDirection",
  addGlobalAttributes() {
    return [
      { types: ["paragraph"], attributes: { dir: attribute("dir"), lang: attribute("lang") } },
      { types: ["blockquote"], attributes: { cite: attribute("cite"), dir: attribute("dir"), lang: attribute("lang") } },
      { types: ["listItem"], attributes: { dir: attribute("dir") } },
      { types: ["link"], attributes: { hreflang: attribute("hreflang") } },
    ];
  },
});
