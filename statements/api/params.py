"""Reading an endpoint's query parameters strictly: an unknown or unreadable one is a 400 naming it, never ignored."""

import base64
import binascii
import datetime
import re

from statements.api.problems import BadParameter
from statements.languages import LANGUAGE_CODES
from statements.views import MAX_ID

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_PARAMETER_LENGTH = 500
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CURSOR = re.compile(r"(?:(?P<direction>[ab]):(?P<date>\d{4}-\d{2}-\d{2}):(?P<id>\d{1,19})|o:(?P<offset>\d{1,6}))")


def read(request, allowed):
    """``{name: value}`` of the query string, each name in ``allowed`` and given at most once."""
    errors = {}
    for name in request.query_params:
        if name not in allowed:
            errors[name] = "unknown parameter"
        elif len(request.query_params.getlist(name)) > 1:
            errors[name] = "given more than once"
        elif len(request.query_params[name]) > MAX_PARAMETER_LENGTH:
            errors[name] = f"longer than {MAX_PARAMETER_LENGTH} characters"
    if errors:
        raise BadParameter(errors)
    return {name: request.query_params[name] for name in request.query_params}


def date(name, value):
    if value is None:
        return None
    try:
        if _DATE.fullmatch(value):
            return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    raise BadParameter({name: "not a date (YYYY-MM-DD)"})


def language(name, value):
    if value is None or value in LANGUAGE_CODES:
        return value
    raise BadParameter({name: f"one of {', '.join(LANGUAGE_CODES)}"})


def limit(name, value):
    if value is None:
        return DEFAULT_LIMIT
    if value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_LIMIT:
        return int(value)
    raise BadParameter({name: f"a whole number from 1 to {MAX_LIMIT}"})


class Cursor:
    """Where a page starts: after or before a (date, id) position of the newest-first order, or at an offset of
    ranked search results. Opaque to clients: they follow ``next`` and ``previous``."""

    def __init__(self, direction=None, position=None, offset=0):
        self.direction, self.position, self.offset = direction, position, offset

    @classmethod
    def after(cls, statement):
        return cls("a", (statement.published_on, statement.pk))

    @classmethod
    def before(cls, statement):
        return cls("b", (statement.published_on, statement.pk))

    @classmethod
    def at(cls, offset):
        return cls(offset=offset)

    @property
    def is_offset(self):
        return self.direction is None

    def encode(self):
        if self.is_offset:
            raw = f"o:{self.offset}"
        else:
            raw = f"{self.direction}:{self.position[0].isoformat()}:{self.position[1]}"
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, name, value):
        if value is None:
            return None
        try:
            raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode("ascii")
            match = _CURSOR.fullmatch(raw)
            if match and match["offset"] is not None:
                return cls.at(int(match["offset"]))
            if match and int(match["id"]) <= MAX_ID:
                return cls(match["direction"], (datetime.date.fromisoformat(match["date"]), int(match["id"])))
        except (binascii.Error, UnicodeDecodeError, ValueError):
            pass
        raise BadParameter({name: "not a cursor from a next or previous link"})
