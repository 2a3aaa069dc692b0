from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from statements.images import renditions

pytestmark = pytest.mark.django_db


def test_make_renditions_restores_missing_renditions_and_leaves_the_rest(make_illustrated, media_root):
    statement = make_illustrated()
    small = Path(media_root) / renditions.responsive(statement.lead_image.name, 1600, 1000)["webp"][0].name
    small.unlink()
    out = StringIO()
    call_command("make_renditions", stdout=out)
    assert small.is_file() and "1 made for 1 images" in out.getvalue()


def test_make_renditions_names_images_missing_from_the_storage(make_illustrated, media_root):
    statement = make_illustrated()
    (Path(media_root) / statement.lead_image.name).unlink()
    with pytest.raises(CommandError, match=statement.lead_image.name):
        call_command("make_renditions", stdout=StringIO())
