"""A request for a host that is not ours is one log line and a 400; every log event is one JSON line."""

import io
import json
import logging
import sys

import pytest

from observatory.security.logs import JsonLineFormatter

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """What the project's stderr handler writes, with the project's formatter, as a list of lines."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLineFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield lambda: stream.getvalue().splitlines()
    finally:
        root.removeHandler(handler)


def test_a_disallowed_host_is_a_400_with_one_log_line_and_no_stack_trace(client, log_lines):
    response = client.get("/ar/", HTTP_HOST="attacker.example")

    assert response.status_code == 400
    (line,) = log_lines()
    entry = json.loads(line)
    assert entry["logger"] == "observatory.hosts"
    assert entry["host"] == "attacker.example"
    assert entry["path"] == "/ar/"
    assert "exception" not in entry and "Traceback" not in line


def test_a_disallowed_host_may_still_ask_for_health(client, log_lines):
    assert client.get("/healthz/", HTTP_HOST="10.0.0.7:8000").status_code == 200
    assert log_lines() == []


def test_a_log_event_with_a_stack_trace_is_one_json_line():
    record = logging.LogRecord("observatory.test", logging.ERROR, __file__, 1, "Failed: %s", ("x",), None)
    try:
        raise ValueError("first line\nsecond line")
    except ValueError:
        record.exc_info = sys.exc_info()
    record.client = "10.0.0.1"

    text = JsonLineFormatter().format(record)

    assert "\n" not in text
    entry = json.loads(text)
    assert entry["message"] == "Failed: x"
    assert entry["level"] == "ERROR" and entry["client"] == "10.0.0.1"
    assert "ValueError: first line\nsecond line" in entry["exception"]


def test_logs_go_to_standard_error_as_json():
    from django.conf import settings

    handler = settings.LOGGING["handlers"]["console"]
    assert handler["class"] == "logging.StreamHandler" and "stream" not in handler  # stderr, the default
    assert settings.LOGGING["formatters"][handler["formatter"]]["()"].endswith("JsonLineFormatter")
