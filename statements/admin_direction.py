"""Each translated admin field written in its own direction: Arabic boxes right to left, English left to right,
whatever the language of the admin around them."""

from .models import LANGUAGE_CODES, TEXT_DIRECTION


def mark_language(db_field, formfield):
    """Give the widget of a ``…_ar`` / ``…_en`` field the ``lang`` and ``dir`` of its language."""
    if formfield is None:
        return formfield
    lang = db_field.name.rsplit("_", 1)[-1]
    if lang in LANGUAGE_CODES and db_field.name != lang:
        formfield.widget.attrs.setdefault("lang", lang)
        formfield.widget.attrs.setdefault("dir", TEXT_DIRECTION[lang])
    return formfield
