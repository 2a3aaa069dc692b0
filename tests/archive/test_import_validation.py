"""Every statement, keyword and source an import writes passes the admin's rules; a bad record writes nothing."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from statements.models import SourceLink, Statement, Tag, TagRedirect

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parents[1] / "fixtures"
EXPORT = FIXTURES / "export" / "observatory-export.json"
AR_SAMPLE = FIXTURES / "legacy" / "observatory-ar-2018-04-29.txt"
FIRST_UUID = "0b6f3c1e-2a4d-4e8f-9c1b-7d2e5f8a9b01"


def document():
    return json.loads(EXPORT.read_text(encoding="utf-8"))


def write(tmp_path, doc, name="hostile.json"):
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def import_failing(path, *args):
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_statements", str(path), *args, stdout=StringIO(), stderr=err)
    assert raised.value.returncode == 1
    return err.getvalue()


def assert_nothing_written():
    assert not Statement.objects.exists()
    assert not Tag.objects.exists() and not SourceLink.objects.exists() and not TagRedirect.objects.exists()


@pytest.mark.parametrize(
    "url, reason",
    [
        ("javascript:alert(1)", "“url”"),
        (" JavaScript:alert(1)", "“url”"),
        ("ftp://example.org/file", "http:// or https://"),
        ("https://example.org/\u202egpj.exe", "invisible direction characters"),
        ("https://exa\u2067mple.org/", "invisible direction characters"),
    ],
)
def test_a_source_address_the_admin_refuses_is_refused_with_file_and_record(tmp_path, url, reason):
    doc = document()
    doc["statements"][0]["sources"][0]["url"] = url
    path = write(tmp_path, doc)

    err = import_failing(path)

    assert f"skipped {path}: statement 1 ({FIRST_UUID}), source 1: " in err
    assert reason in err
    assert_nothing_written()


@pytest.mark.parametrize("slug", ["../../../evil", "a/b", "with space", "<b>", "evil?x=1"])
def test_a_keyword_slug_that_is_not_a_slug_is_refused(tmp_path, slug):
    doc = document()
    doc["tags"][0]["slug"] = slug
    doc["statements"][0]["tags"] = [slug]
    path = write(tmp_path, doc)

    err = import_failing(path)

    assert f"skipped {path}: keyword 1: “slug” value “{slug}” is not a slug" in err
    assert_nothing_written()


def test_an_old_keyword_slug_that_is_not_a_slug_is_refused(tmp_path):
    doc = document()
    doc["tags"][0]["old_slugs"] = ["../../admin"]
    path = write(tmp_path, doc)

    err = import_failing(path)

    assert "“old_slugs” value “../../admin” is not a slug" in err
    assert_nothing_written()


def test_pages_showing_keywords_answer_after_a_refused_path_slug(client, tmp_path):
    doc = document()
    doc["tags"][0]["slug"] = "../../../evil"
    doc["statements"][0]["tags"] = ["../../../evil"]
    import_failing(write(tmp_path, doc))
    call_command("import_statements", str(EXPORT), stdout=StringIO(), stderr=StringIO())

    for url in ("/ar/", "/en/tags/", "/sitemap.xml", "/ar/search/?q=داعش", "/ar/statements/1723/"):
        assert client.get(url, follow=True).status_code == 200, url


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda r: r.update(slug="not/a/slug"), "“slug”"),
        (lambda r: r.update(title_en="x" * 501), "“title_en”"),
        (lambda r: r.update(body_en=""), "A version with a title needs a body."),
        (lambda r: r.update(title_ar="", title_en="", body_ar="", body_en="", summary_ar=""), "Write the statement"),
        (lambda r: r["sources"][0].update(title="t" * 501), "source 1: “title”"),
    ],
)
def test_a_statement_the_admin_form_refuses_is_refused_and_nothing_of_the_file_written(tmp_path, change, reason):
    doc = document()
    change(doc["statements"][0])
    path = write(tmp_path, doc)

    err = import_failing(path)

    assert f"skipped {path}: statement 1 ({FIRST_UUID})" in err and reason in err
    assert_nothing_written()


def test_a_refused_record_is_reported_by_a_dry_run_too(tmp_path):
    doc = document()
    doc["statements"][1]["sources"] = [{"url": "javascript:alert(1)"}]
    path = write(tmp_path, doc)

    err = import_failing(path, "--dry-run")

    assert "statement 2 (5c9e1d2f-3b4a-4c6d-8e7f-1a2b3c4d5e02), source 1: “url”" in err


def test_an_update_the_admin_would_refuse_leaves_the_statement_as_it_was(tmp_path):
    call_command("import_statements", str(EXPORT), stdout=StringIO(), stderr=StringIO())
    doc = document()
    doc["statements"][0]["title_en"] = "Changed"
    doc["statements"][0]["sources"][1]["url"] = "javascript:alert(1)"

    import_failing(write(tmp_path, doc))

    statement = Statement.objects.get(uuid=FIRST_UUID)
    assert statement.title_en == "Observatory welcomes campaign against Daesh media"
    assert [s.url for s in statement.sources.all()][1] == "https://www.example.org/news/follow-up"


def test_body_html_in_an_export_is_sanitised_on_the_way_in(tmp_path):
    doc = document()
    doc["statements"][0]["body_en"] = (
        '<p onclick="x()">Text</p><script>alert(1)</script><a href="javascript:alert(2)">l</a>'
        '<blockquote cite="javascript:alert(3)">q</blockquote>'
    )
    call_command("import_statements", str(write(tmp_path, doc)), stdout=StringIO(), stderr=StringIO())

    body = Statement.objects.get(uuid=FIRST_UUID).body_en
    assert "script" not in body and "javascript" not in body and "onclick" not in body
    assert "<p>Text</p>" in body


def test_a_statement_longer_than_the_limit_is_refused(tmp_path, settings):
    settings.STATEMENT_MAX_BODY_CHARS = 1000
    doc = document()
    doc["statements"][0]["body_en"] = "<p>" + "word " * 300 + "</p>"
    path = write(tmp_path, doc)

    err = import_failing(path)

    assert f"statement 1 ({FIRST_UUID}): “body_en”: At most 1,000 characters (this text has 1,507)." in err
    assert_nothing_written()


def test_a_summary_longer_than_the_limit_is_refused(tmp_path, settings):
    settings.STATEMENT_MAX_SUMMARY_CHARS = 100
    doc = document()
    doc["statements"][2]["summary_ar"] = "ملخص " * 30
    path = write(tmp_path, doc)

    err = import_failing(path)

    assert "statement 3 (9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b03): “summary_ar”: At most 100 characters" in err


def test_an_export_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, settings, monkeypatch):
    settings.IMPORT_MAX_EXPORT_BYTES = EXPORT.stat().st_size - 1
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read"))

    err = import_failing(EXPORT)

    size = EXPORT.stat().st_size
    assert f"skipped {EXPORT}: the file has {size:,} bytes, more than the {size - 1:,} allowed for an export" in err
    assert "IMPORT_MAX_EXPORT_BYTES" in err
    assert_nothing_written()


def test_an_old_site_page_over_the_size_limit_is_refused(tmp_path, settings):
    settings.IMPORT_MAX_PAGE_BYTES = 50_000
    page = AR_SAMPLE.read_text(encoding="utf-8").splitlines()
    big = tmp_path / "big.txt"
    big.write_text("\n".join([*page[:3], *["فقرة طويلة جدا " * 20] * 200, *page[3:]]), encoding="utf-8")

    err = import_failing(big)

    assert f"skipped {big}: the file has" in err and "allowed for a page of the old site (IMPORT_MAX_PAGE_BYTES)" in err
    assert not Statement.objects.exists()


def test_an_old_site_page_whose_text_is_over_the_statement_limit_is_refused(tmp_path, settings):
    settings.STATEMENT_MAX_BODY_CHARS = 2000
    page = AR_SAMPLE.read_text(encoding="utf-8").splitlines()
    big = tmp_path / "long.txt"
    big.write_text("\n".join([*page[:3], *["فقرة طويلة جدا " * 20] * 20, *page[3:]]), encoding="utf-8")

    err = import_failing(big)

    assert f"skipped {big}: the page: “body_ar”: At most 2,000 characters" in err
    assert not Statement.objects.exists() and not Tag.objects.exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/", "https://example.org/\u202ecod.exe"])
def test_the_admin_refuses_the_same_source_addresses(make_statement, url):
    source = SourceLink(statement=make_statement(), url=url)

    with pytest.raises(ValidationError) as raised:
        source.full_clean()

    assert "url" in raised.value.message_dict
