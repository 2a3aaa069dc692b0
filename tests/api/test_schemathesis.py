"""A client we did not write: schemathesis reads the live OpenAPI description and throws generated requests at
every endpoint, checking for server errors, status codes, content types and responses against the schema."""

import datetime

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from statements.models import Statement


@pytest.fixture
def api_schema(db, settings, make_statement, make_tag):
    settings.API_RATE_LIMIT = ""  # generated requests come from one address: counting them is another test's job
    daesh, extremism = make_tag(name_ar="داعش", name_en="Daesh"), make_tag(name_ar="التطرف", name_en="Extremism")
    sources = [{"url": "https://www.example.com/report", "title": "A report", "publisher": "Example"}]
    make_statement(tags=[daesh, extremism], sources=sources, published_on=datetime.date(2018, 4, 29))
    make_statement(tags=[daesh], title_ar="بيان بالعربية فقط", body_ar="<p>نص</p>")
    make_statement(tags=[extremism], status=Statement.Status.DRAFT)
    make_statement(publish_at=timezone.now() + datetime.timedelta(days=1))
    # Django closes the database connection when a request ends; the test client stops it from doing so,
    # and so must this plain WSGI call, or the test's own transaction (PostgreSQL) would close with it.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


EVERY_ENDPOINT = {
    "GET /api/v1/",
    "GET /api/v1/statements/",
    "GET /api/v1/statements/{id}/",
    "GET /api/v1/tags/",
    "GET /api/v1/tags/{slug}/",
}
# Invalid input exists only where a parameter has a type or a format to break (any string is a slug).
TYPED_PARAMETERS = {"GET /api/v1/statements/", "GET /api/v1/statements/{id}/"}


@pytest.mark.parametrize(
    "mode, endpoints",
    [
        (schemathesis.GenerationMode.POSITIVE, EVERY_ENDPOINT),
        (schemathesis.GenerationMode.NEGATIVE, TYPED_PARAMETERS),
    ],
)
def test_every_endpoint_answers_generated_requests_as_its_schema_says(api_schema, mode, endpoints):
    reached = set()

    @given(case=api_schema.as_strategy(mode))
    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
    def answers_as_described(case):
        # A cursor is valid only when it comes from a next or previous link, which a schema cannot say: a
        # made-up one is a 400 (tests/api/test_http.py), so "valid by the schema" is not "accepted" for it.
        case.call_and_validate(excluded_checks=[positive_data_acceptance])
        reached.add(case.operation.label)

    answers_as_described()
    assert reached == endpoints
