"""Every interface string has an Arabic translation in the committed, compiled catalogue.

Needs no gettext tools: message ids are read from the templates with Django's own ``templatize`` and from
the Python sources with ``ast``, then looked up in ``locale/ar/LC_MESSAGES/django.mo``.
"""

import ast
import gettext
import re
from pathlib import Path

from django.conf import settings
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "locale" / "ar" / "LC_MESSAGES" / "django.mo"
TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]
# Every package of the project (observatory, statements and any app added later), not the tests.
PYTHON_DIRS = sorted(init.parent for init in ROOT.glob("*/__init__.py") if init.parent.name != "tests")

SINGULAR = {"gettext", "gettext_lazy", "_", "gettext_noop"}
PLURAL = {"ngettext", "ngettext_lazy"}
CONTEXT = {"pgettext", "pgettext_lazy"}
CONTEXT_PLURAL = {"npgettext", "npgettext_lazy"}
STRING = r"""u?(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
TEMPLATIZED_CALL = re.compile(rf"\b(\w+)\(\s*({STRING})(?:\s*,\s*({STRING}))?")


def catalogue_key(function, strings):
    """The key gettext uses in a compiled catalogue for this call, or None if it is not a translation call."""
    if function in SINGULAR and strings:
        return strings[0]
    if function in PLURAL and strings:
        return (strings[0], 0)
    if function in CONTEXT and len(strings) >= 2:
        return f"{strings[0]}\x04{strings[1]}"
    if function in CONTEXT_PLURAL and len(strings) >= 2:
        return (f"{strings[0]}\x04{strings[1]}", 0)
    return None


def template_message_ids():
    found = {}
    for directory in TEMPLATE_DIRS:
        for path in sorted(directory.rglob("*.html")):
            code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
            for match in TEMPLATIZED_CALL.finditer(code):
                strings = [ast.literal_eval(s) for s in match.groups()[1:] if s]
                key = catalogue_key(match.group(1), strings)
                if key:
                    found.setdefault(key, path.relative_to(ROOT))
    return found


def python_message_ids():
    found = {}
    for directory in PYTHON_DIRS:
        for path in sorted(directory.rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                strings = []
                for arg in node.args:
                    if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                        break
                    strings.append(arg.value)
                key = catalogue_key(name, strings)
                if key:
                    found.setdefault(key, path.relative_to(ROOT))
    return found


def arabic_catalogue():
    with CATALOGUE.open("rb") as handle:
        return gettext.GNUTranslations(handle)._catalog


def untranslated(message_ids):
    catalogue = arabic_catalogue()
    return sorted(f"{where}: {key!r}" for key, where in message_ids.items() if not catalogue.get(key))


def test_every_template_string_has_an_arabic_translation():
    message_ids = template_message_ids()
    assert "Keyword index" in message_ids  # the extraction itself works
    assert untranslated(message_ids) == []


def test_every_python_string_has_an_arabic_translation():
    message_ids = python_message_ids()
    assert "statement" in message_ids  # the extraction itself works
    assert untranslated(message_ids) == []


def test_arabic_catalogue_has_no_fuzzy_entries():
    po = (CATALOGUE.with_suffix(".po")).read_text(encoding="utf-8")
    assert "#, fuzzy" not in po


def test_a_missing_translation_is_reported():
    assert untranslated({"A sentence nobody has translated": Path("templates/x.html")}) == [
        "templates/x.html: 'A sentence nobody has translated'"
    ]
