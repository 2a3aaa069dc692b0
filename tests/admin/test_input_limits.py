"""The admin refuses what imports refuse: over-long statements and source addresses that are not web pages."""

import pytest

from statements.models import Statement
from tests.admin_helpers import post_change

pytestmark = pytest.mark.django_db


def test_a_body_over_the_limit_is_a_form_error_and_nothing_is_saved(staff_client, make_statement, settings):
    settings.STATEMENT_MAX_BODY_CHARS = 500
    statement = make_statement(title_en="Short", body_en="<p>Short.</p>")

    response = post_change(staff_client, statement, body_en="<p>" + "word " * 200 + "</p>")

    assert response.status_code == 200
    assert "At most 500 characters (this text has 1,007)." in response.content.decode()
    assert Statement.objects.get(pk=statement.pk).body_en == "<p>Short.</p>"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "https://example.org/\u202egpj.exe"])
def test_a_source_that_is_not_a_plain_web_address_is_a_form_error(staff_client, make_statement, url):
    statement = make_statement()

    response = post_change(
        staff_client,
        statement,
        **{"sources-TOTAL_FORMS": "1", "sources-0-url": url, "sources-0-position": "0"},
    )

    assert response.status_code == 200
    assert not statement.sources.exists()


def test_a_web_address_is_saved_as_a_source(staff_client, make_statement):
    statement = make_statement()

    response = post_change(
        staff_client,
        statement,
        **{"sources-TOTAL_FORMS": "1", "sources-0-url": "https://example.org/x", "sources-0-position": "0"},
    )

    assert response.status_code == 302
    assert [s.url for s in statement.sources.all()] == ["https://example.org/x"]
