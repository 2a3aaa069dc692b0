"""The keywords endpoints: public counts, and a merged keyword's old slug moving for good."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_keywords_are_listed_most_used_first_with_both_names_pages_and_statements_link(
    client, make_statement, make_tag
):
    daesh, europe = make_tag(name_ar="داعش", name_en="Daesh"), make_tag(name_ar="أوروبا", name_en="Europe")
    make_statement(tags=[daesh, europe])
    make_statement(tags=[daesh])
    make_tag(name_en="Unused")

    results = client.get("/api/v1/tags/").json()["results"]

    assert [(item["slug"], item["count"]) for item in results] == [(daesh.slug, 2), (europe.slug, 1)]
    assert results[0]["name_ar"] == "داعش" and results[0]["name_en"] == "Daesh"
    assert results[0]["url"] == {
        "ar": f"http://testserver/ar/tags/{daesh.slug}/",
        "en": f"http://testserver/en/tags/{daesh.slug}/",
    }
    assert results[0]["statements"] == f"http://testserver/api/v1/statements/?tag={daesh.slug}"


def test_one_keyword_with_its_count(client, make_statement, make_tag):
    tag = make_tag(name_ar="التطرف", name_en="Extremism")
    make_statement(tags=[tag])

    data = client.get(f"/api/v1/tags/{tag.slug}/").json()

    assert data["slug"] == tag.slug and data["count"] == 1


def test_an_arabic_slug_is_found(client, make_statement, make_tag):
    tag = make_tag(name_ar="التطرف")
    make_statement(tags=[tag])

    assert client.get(f"/api/v1/tags/{tag.slug}/").json()["name_ar"] == "التطرف"


def test_a_merged_keywords_old_slug_moves_permanently_to_the_keyword_it_joined(client, make_statement, make_tag):
    old, target = make_tag(name_en="Hardline"), make_tag(name_en="Extremism")
    make_statement(tags=[old])
    old_slug = old.slug
    call_command("merge_tags", old_slug, target.slug)

    response = client.get(f"/api/v1/tags/{old_slug}/")

    assert response.status_code == 301
    assert response["Location"] == f"/api/v1/tags/{target.slug}/"
    assert client.get(response["Location"]).json()["count"] == 1


def test_an_unknown_keyword_is_a_404_problem(client):
    response = client.get("/api/v1/tags/no-such-keyword/")

    assert response.status_code == 404
    assert response.json()["status"] == 404
