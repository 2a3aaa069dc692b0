import datetime

import pytest
from django.conf import settings

from statements.models import Statement, Tag
from tests.html_elements import html_attributes

pytestmark = pytest.mark.django_db

DIRECTION = {"ar": "rtl", "en": "ltr"}


@pytest.fixture
def chief(staff_client):
    return staff_client


def in_language(client, lang):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    return client


@pytest.fixture
def content(make_statement, make_tag):
    tag = make_tag(name_ar="داعش", name_en="Daesh")
    both = make_statement(
        title_ar="بيان بلغتين", title_en="A bilingual statement", body_ar="<p>ن</p>", body_en="<p>t</p>", tags=[tag]
    )
    arabic = make_statement(title_ar="بيان عربي فقط", body_ar="<p>نص</p>", tags=[tag], status="draft")
    return both, arabic, tag


def admin_urls(both, tag):
    return [
        "/admin/",
        "/admin/statements/statement/",
        "/admin/statements/statement/add/",
        f"/admin/statements/statement/{both.pk}/change/",
        "/admin/statements/tag/",
        "/admin/statements/tag/add/",
        f"/admin/statements/tag/{tag.pk}/change/",
    ]


def test_admin_is_arabic_and_right_to_left_by_default(chief, content):
    both, _, tag = content
    for url in admin_urls(both, tag):
        response = chief.get(url)
        assert response.status_code == 200, url
        assert html_attributes(response) == {"lang": "ar", "dir": "rtl"}, url
        assert "admin/css/rtl.css" in response.content.decode(), url


def test_admin_speaks_english_when_the_editor_chooses_it(chief, content):
    both, _, tag = content
    in_language(chief, "en")
    for url in admin_urls(both, tag):
        response = chief.get(url)
        assert response.status_code == 200, url
        assert html_attributes(response) == {"lang": "en", "dir": "ltr"}, url
        assert "admin/css/rtl.css" not in response.content.decode(), url


def test_editor_switches_the_admin_language_with_the_header_form(chief, db):
    page = chief.get("/admin/statements/statement/").content.decode()
    assert 'action="/i18n/setlang/"' in page and '<option value="en" lang="en">English</option>' in page
    response = chief.post("/i18n/setlang/", {"language": "en", "next": "/admin/statements/statement/"})
    assert response.status_code == 302 and response["Location"] == "/admin/statements/statement/"
    assert html_attributes(chief.get("/admin/statements/statement/")) == {"lang": "en", "dir": "ltr"}
    chief.post("/i18n/setlang/", {"language": "ar", "next": "/admin/"})
    assert html_attributes(chief.get("/admin/")) == {"lang": "ar", "dir": "rtl"}


def test_login_page_offers_the_language_form_too(client, db):
    in_language(client, "en")
    page = client.get("/admin/login/")
    assert html_attributes(page) == {"lang": "en", "dir": "ltr"}
    assert 'action="/i18n/setlang/"' in page.content.decode()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_changelist_shows_status_languages_and_filters(chief, content, lang):
    in_language(chief, lang)
    body = chief.get("/admin/statements/statement/").content.decode()
    assert "AR · EN" in body and ">AR</td>" in body
    assert "?publication=draft" in body
    assert f"?tags__id__exact={content[2].pk}" in body
    assert "published_on__year=" in body  # date hierarchy


@pytest.mark.parametrize("query", ["bilingual statement", "بلغتين"])
def test_admin_searches_titles_in_both_languages(chief, content, query):
    both, arabic, _ = content
    response = chief.get("/admin/statements/statement/", {"q": query})
    assert list(response.context["cl"].result_list) == [both]


def test_admin_search_finds_an_arabic_only_statement_from_the_english_admin(chief, content):
    _, arabic, _ = content
    in_language(chief, "en")
    response = chief.get("/admin/statements/statement/", {"q": "عربي فقط"})
    assert list(response.context["cl"].result_list) == [arabic]


def test_change_form_has_one_language_switch_sources_tag_autocomplete_and_view_on_site(chief, content):
    both, _, _ = content
    body = chief.get(f"/admin/statements/statement/{both.pk}/change/").content.decode()
    # One switch for the whole form, named in words, instead of AR/EN tabs on every field.
    assert "modeltranslation/js/tabbed_translation_fields.js" not in body
    assert '<fieldset class="translation-view" hidden>' in body and "js/admin_translation_view.js" in body
    assert body.count('name="_translation_view"') == 3
    assert 'name="title_ar"' in body and 'name="title_en"' in body
    assert 'name="sources-TOTAL_FORMS"' in body
    assert "admin-autocomplete" in body and 'name="tags"' in body
    assert 'href="/admin/r/' in body and "viewsitelink" in body


@pytest.mark.parametrize("page", ["change", "add"])
def test_statement_form_takes_the_whole_width_without_the_sidebar_the_list_keeps(chief, content, page):
    both, _, _ = content
    form = chief.get(
        f"/admin/statements/statement/{both.pk}/change/" if page == "change" else "/admin/statements/statement/add/"
    )
    assert form.status_code == 200 and 'id="nav-sidebar"' not in form.content.decode()
    assert 'id="nav-sidebar"' in chief.get("/admin/statements/statement/").content.decode()


def test_view_on_site_leads_to_the_public_statement(chief, content):
    both, _, _ = content
    page = chief.get(f"/admin/statements/statement/{both.pk}/change/").content.decode()
    link = page.split('class="viewsitelink"', 1)[0].rsplit('href="', 1)[1].split('"', 1)[0]
    response = chief.get(link)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/statements/{both.pk}-{both.slug}/")


def test_tag_admin_shows_statement_counts(chief, content):
    _, _, tag = content
    response = chief.get("/admin/statements/tag/")
    row = next(obj for obj in response.context["cl"].result_list if obj.pk == tag.pk)
    assert row.statement_count == 2
    assert 'class="field-statement_count">2<' in response.content.decode()


def test_admin_add_form_creates_a_sanitised_statement_with_sources(chief, content):
    _, _, tag = content
    response = chief.post(
        "/admin/statements/statement/add/",
        {
            "title_ar": "بيان جديد",
            "summary_ar": "",
            "body_ar": '<p onclick="x()">نص</p><script>alert(1)</script>',
            "title_en": "",
            "summary_en": "",
            "body_en": "",
            "published_on": "2024-05-01",
            "status": "draft",
            "publish_at_0": "",
            "publish_at_1": "",
            "tags": [tag.pk],
            "sources-TOTAL_FORMS": "1",
            "sources-INITIAL_FORMS": "0",
            "sources-MIN_NUM_FORMS": "0",
            "sources-MAX_NUM_FORMS": "1000",
            "sources-0-position": "0",
            "sources-0-publisher": "BBC News",
            "sources-0-title": "Report",
            "sources-0-url": "https://www.bbc.com/news/world-africa-43170221",
            "sources-0-published_on": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    statement = Statement.objects.get(title_ar="بيان جديد")
    assert statement.body_ar == "<p>نص</p>"
    assert statement.published_on == datetime.date(2024, 5, 1)
    assert list(statement.tags.all()) == [tag]
    assert statement.sources.get().publisher == "BBC News"


def test_admin_form_refuses_to_publish_a_version_with_a_title_but_no_body(chief, db):
    response = chief.post(
        "/admin/statements/statement/add/",
        {
            "title_ar": "",
            "body_ar": "",
            "title_en": "A title alone",
            "body_en": "",
            "published_on": "2024-05-01",
            "status": "published",
            "sources-TOTAL_FORMS": "0",
            "sources-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "body_en" in response.context["adminform"].form.errors
    assert not Statement.objects.exists()


def test_tag_admin_searches_both_names(chief, content):
    _, _, tag = content
    for query in ("Daesh", "داعش"):
        response = chief.get("/admin/statements/tag/", {"q": query})
        assert list(response.context["cl"].result_list) == [tag]
    assert Tag.objects.count() == 1


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_each_translated_field_is_written_in_its_own_direction(chief, db, lang):
    in_language(chief, lang)
    form = chief.get("/admin/statements/statement/add/").context["adminform"].form
    for name in ("title", "summary", "body"):
        assert form.fields[f"{name}_ar"].widget.attrs.items() >= {"lang": "ar", "dir": "rtl"}.items()
        assert form.fields[f"{name}_en"].widget.attrs.items() >= {"lang": "en", "dir": "ltr"}.items()
    tag_form = chief.get("/admin/statements/tag/add/").content.decode()
    assert 'name="name_ar"' in tag_form and 'dir="rtl"' in tag_form and 'dir="ltr"' in tag_form
