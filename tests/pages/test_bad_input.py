import datetime

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def some_statements(make_statement, make_tag):
    tag = make_tag(name_ar="وسم", name_en="Tag")
    statement = make_statement(tags=[tag], published_on=datetime.date(2018, 4, 29))
    return statement, tag


@pytest.mark.parametrize(
    "page", ["abc", "-1", "0", "1.5", "2", "99999999999999999999999999", "9" * 5000, "١", "%00", "1e3", ""]
)
@pytest.mark.parametrize("path", ["/ar/statements/", "/en/statements/2018/", "/ar/statements/2018/4/", "TAG"])
def test_a_page_number_that_is_not_a_page_is_404(client, some_statements, path, page):
    _, tag = some_statements
    url = f"/en/tags/{tag.slug}/" if path == "TAG" else path
    response = client.get(url, {"page": page})
    assert response.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/ar/statements/2018/13/",
        "/ar/statements/2018/0/",
        "/ar/statements/2018/00/",
        "/en/statements/2018/123/",
        "/ar/statements/0000/",
        "/ar/statements/0000/1/",
        "/ar/statements/abc/",
        "/ar/statements/-5/",
        "/ar/statements/0/",
        "/ar/statements/987654/",
        "/en/statements/987654-some-slug/",
        "/ar/statements/987654/print/",
        "/ar/statements/99999999999999999999999999999/",
        "/ar/statements/9223372036854775807/",
        "/ar/statements/9223372036854775808-slug/",
        "/ar/statements/99999999999999999999999999999/print/",
        "/ar/statements/" + "9" * 5000 + "/",
        "/en/tags/no-such-keyword/",
        "/en/tags/%00/",
        "/en/tags/a%00b/",
        "/en/tags/%D8%BA%D9%8A%D8%B1-%D9%85%D9%88%D8%AC%D9%88%D8%AF/",
        "/fr/",
        "/ar/no-such-page/",
    ],
)
def test_unknown_or_malformed_addresses_are_404_never_500(client, some_statements, url):
    client.raise_request_exception = False
    assert client.get(url).status_code == 404


def test_first_page_and_empty_month_are_fine_and_a_year_with_nothing_public_is_404(client, some_statements):
    year = timezone.localdate().year - 30
    assert client.get("/ar/statements/", {"page": "1"}).status_code == 200
    assert client.get(f"/ar/statements/{year}/1/").status_code == 200
    assert client.get(f"/ar/statements/{year}/").status_code == 404
