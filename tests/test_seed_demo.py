import pytest
from django.core.management import call_command

from statements.models import SourceLink, Statement, Tag

pytestmark = pytest.mark.django_db


def counts():
    return Statement.objects.count(), Tag.objects.count(), SourceLink.objects.count()


def test_seed_demo_loads_bilingual_content_with_a_draft_and_a_scheduled_statement():
    call_command("seed_demo", stdout=None)
    statements = Statement.objects.all()
    public = Statement.objects.published()
    assert public.count() >= 5
    assert statements.filter(status="draft").exists()
    assert statements.filter(status="published").exclude(pk__in=public).exists()  # scheduled for later
    languages = [s.languages for s in public]
    assert ["ar", "en"] in languages and ["ar"] in languages and ["en"] in languages
    assert SourceLink.objects.exists() and Tag.objects.count() >= 10


def test_seed_demo_twice_adds_nothing():
    call_command("seed_demo")
    before = counts()
    call_command("seed_demo")
    assert counts() == before


def test_demo_content_serves_every_page(client):
    call_command("seed_demo")
    for statement in Statement.objects.published():
        for lang in ("ar", "en"):
            assert client.get(f"/{lang}/statements/{statement.pk}-{statement.slug}/").status_code == 200
            assert client.get(f"/{lang}/statements/{statement.pk}/print/").status_code == 200
    for tag in Tag.objects.with_public_counts():
        assert client.get(f"/en/tags/{tag.slug}/").status_code == 200
