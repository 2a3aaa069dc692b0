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
    for tag in Tag.objects.filter(statements__in=Statement.objects.published()).distinct():
        assert client.get(f"/en/tags/{tag.slug}/").status_code == 200


def test_seed_demo_gives_every_stage_of_the_workflow_a_statement(db):
    call_command("seed_demo")
    statuses = set(Statement.objects.values_list("status", flat=True))
    assert statuses == {"draft", "review", "published"}
    assert Statement.objects.filter(status="review").exclude(pk__in=Statement.objects.published()).exists()


def test_seed_demo_starts_each_statement_with_a_revision_and_a_status_record(staff_client):
    import reversion.models

    call_command("seed_demo")
    for statement in Statement.objects.all():
        versions = reversion.models.Version.objects.get_for_object(statement)
        assert versions.count() == 1, statement
        assert statement.status_changes.get().to_status == statement.status
    tagged = Statement.objects.filter(sources__isnull=False).first()
    stored = reversion.models.Version.objects.get_for_object(tagged).get()
    assert stored.revision.comment == "محتوى تجريبي · Demo content"
    assert {v.object_id for v in stored.revision.version_set.all()} >= {str(s.pk) for s in tagged.sources.all()}
    history = staff_client.get(f"/admin/statements/statement/{tagged.pk}/history/")
    assert history.status_code == 200 and "Demo content" in history.content.decode()
