import pytest

from statements import views
from tests.html_elements import html_attributes

pytestmark = pytest.mark.django_db


def test_404_page_speaks_the_address_language_and_the_other_one(client):
    response = client.get("/en/statements/987654/")
    body = response.content.decode()
    assert response.status_code == 404
    assert html_attributes(response) == {"lang": "en", "dir": "ltr"}
    assert "<h1>Page not found</h1>" in body
    assert 'lang="ar" dir="rtl"' in body and "الصفحة غير موجودة" in body
    assert 'href="/ar/"' in body and 'href="/en/"' in body


def test_arabic_404_page_is_right_to_left_with_an_english_part(client):
    response = client.get("/ar/tags/no-such-keyword/")
    assert response.status_code == 404
    assert html_attributes(response) == {"lang": "ar", "dir": "rtl"}
    body = response.content.decode()
    assert "<h1>الصفحة غير موجودة</h1>" in body and 'lang="en" dir="ltr"' in body and "Page not found" in body


def test_server_error_page_is_bilingual_and_needs_no_context(client, monkeypatch):
    def broken():
        raise RuntimeError("database went away")

    monkeypatch.setattr(views, "public_statements", broken)
    client.raise_request_exception = False
    response = client.get("/en/statements/")
    body = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ar" dir="rtl">' in body
    assert "خطأ في الخادم" in body and "Server error" in body
    assert 'href="/ar/"' in body and 'href="/en/"' in body
