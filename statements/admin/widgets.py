"""The admin's widgets: every translated field written in its own language and direction, and the rich-text
editor for statement bodies, limited to what the sanitiser keeps.

The editor only offers what ``statements.text.sanitize`` lets through, so an editor never writes something
that disappears on save; the sanitiser still runs on every save (``Statement.save``) whatever is posted.
"""

from django.templatetags.static import static
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media

from statements.languages import LANGUAGE_CODES, TEXT_DIRECTION

BODY_EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    # Keeps images (with their alt text) that bodies already hold; no upload, so no insert button.
    "Image": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
}


class BodyEditorWidget(AdminProseEditorWidget):
    """The prose editor, written in the direction and language of the field it edits."""

    def __init__(self, lang, attrs=None):
        attrs = {**(attrs or {}), "dir": TEXT_DIRECTION[lang], "lang": lang}
        super().__init__(attrs=attrs, config={"extensions": BODY_EDITOR_EXTENSIONS}, preset="configurable")

    @property
    def media(self):
        return super().media + Media(js=["js/prose_editor_direction.js"])

    def get_config(self):
        # Our own extension, loaded like the package's optional ones (see prose_editor_text_direction.js).
        config = super().get_config()
        return config | {
            "extensions": config["extensions"] | {"KeepTextDirection": True},
            "js_modules": [*config["js_modules"], static("js/prose_editor_text_direction.js")],
        }


def mark_language(db_field, formfield):
    """Give the widget of a ``…_ar`` / ``…_en`` field the ``lang`` and ``dir`` of its language."""
    if formfield is None:
        return formfield
    lang = db_field.name.rsplit("_", 1)[-1]
    if lang in LANGUAGE_CODES and db_field.name != lang:
        formfield.widget.attrs.setdefault("lang", lang)
        formfield.widget.attrs.setdefault("dir", TEXT_DIRECTION[lang])
    return formfield


def label_parts(formfield):
    """Name each input of a widget made of several (the publication moment's date and time): one ``<label>`` is
    only for the first."""
    subwidgets = getattr(formfield.widget, "widgets", None) if formfield is not None else None
    if subwidgets and len(subwidgets) == 2 and formfield.label:
        for widget, part in zip(subwidgets, (_("date"), _("time")), strict=True):
            widget.attrs.setdefault("aria-label", format_lazy("{} ({})", formfield.label, part))
    return formfield
