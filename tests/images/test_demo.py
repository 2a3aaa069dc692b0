"""The demo content shows lead images, drawn as it loads."""

from pathlib import Path

import pytest
from django.core.management import call_command

from statements.models import Statement

pytestmark = pytest.mark.django_db


def test_seed_demo_draws_pictures_for_a_few_public_statements(client, media_root):
    call_command("seed_demo", stdout=None)
    illustrated = Statement.objects.published().exclude(lead_image="")
    assert illustrated.count() >= 3
    assert {s.lead_image.name.rsplit(".", 1)[1] for s in illustrated} >= {"jpg", "png"}
    for statement in illustrated:
        assert (Path(media_root) / statement.lead_image.name).is_file()
        statement.full_clean()  # alt text in each of its languages, as publication asks
    assert client.get("/en/").content.decode().count('class="card-thumbnail"') >= 3


def test_seed_demo_twice_draws_the_same_pictures(media_root):
    call_command("seed_demo", stdout=None)
    files = sorted(Path(media_root).rglob("*"))
    call_command("seed_demo", stdout=None)
    assert sorted(Path(media_root).rglob("*")) == files
