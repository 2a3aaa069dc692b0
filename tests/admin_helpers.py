"""Read an admin form the way a browser would, so tests post exactly what the page offers."""

from html.parser import HTMLParser

from django.urls import reverse


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = {}
        self._select = None
        self._select_multiple = False
        self._select_first = None
        self._select_chosen = []
        self._textarea = None
        self._text = []

    def _put(self, name, value):
        if "__prefix__" in name:
            return
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self._put(name, attrs.get("value") or "on")
                return
            self._put(name, attrs.get("value") or "")
        elif tag == "select" and name:
            self._select, self._select_multiple = name, "multiple" in attrs
            self._select_first, self._select_chosen = None, []
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._select_first is None:
                self._select_first = value
            if "selected" in attrs:
                self._select_chosen.append(value)
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select" and self._select:
            chosen = self._select_chosen
            if not chosen and not self._select_multiple and self._select_first is not None:
                chosen = [self._select_first]
            for value in chosen:
                self._put(self._select, value)
            if not chosen and self._select_multiple:
                self.data.setdefault(self._select, [])
            self._select = None
        elif tag == "textarea" and self._textarea:
            text = "".join(self._text)
            self._put(self._textarea, text[1:] if text.startswith("\n") else text)
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)


def form_data(response, form_id="statement_form"):
    """The fields the page's form would post, as a dict ready for ``client.post`` (lists for many values)."""
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    assert reader.data, f"no form {form_id!r} on the page"
    return {name: values if len(values) != 1 else values[0] for name, values in reader.data.items()}


def change_url(statement):
    return reverse("admin:statements_statement_change", args=[statement.pk])


def add_url():
    return reverse("admin:statements_statement_add")


def changelist_url():
    return reverse("admin:statements_statement_changelist")


def history_url(statement):
    return reverse("admin:statements_statement_history", args=[statement.pk])


def post_change(client, statement, **changes):
    """Open the statement's change form, change some fields, and post the whole form back (admin in English)."""
    data = form_data(client.get(change_url(statement), HTTP_ACCEPT_LANGUAGE="en"))
    data.update(changes)
    return client.post(change_url(statement), data, HTTP_ACCEPT_LANGUAGE="en")


def revision_url(statement, version):
    return reverse("admin:statements_statement_revision", args=[statement.pk, version.pk])
