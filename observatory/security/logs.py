"""Structured logs: one JSON object a line, so every event (a stack trace included) is one line to search."""

import datetime
import json
import logging

# Attributes every LogRecord has; anything else on a record was passed as ``extra`` and is logged as a field.
STANDARD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}
# Passed by Django as ``extra`` but not worth a field (or not serialisable).
SKIPPED = {"request", "server_time"}


def _plain(value):
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [_plain(item) for item in value]
    return str(value)


class JsonLineFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "META"):
            entry["method"] = request.method
            entry["path"] = request.path[:500]
        for name, value in vars(record).items():
            if name not in STANDARD_ATTRIBUTES and name not in SKIPPED and not name.startswith("_"):
                entry[name] = _plain(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class QuietAxes(logging.Filter):
    """Drop django-axes's bookkeeping lines that report nothing done ("Reset 0 access attempts")."""

    NOTHING = ("AXES: Cleaned up 0 ", "AXES: Reset 0 ", "AXES: Deleted 0 ")

    def filter(self, record):
        return not record.getMessage().startswith(self.NOTHING)
