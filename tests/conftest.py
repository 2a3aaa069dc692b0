import datetime
import itertools

import pytest
from django.conf import settings
from django.utils import timezone, translation

from statements.models import SourceLink, Statement, Tag

_counter = itertools.count(1)


def build_statement(tags=(), sources=(), **fields):
    """A statement with sensible defaults: published, dated before today, in Arabic and English."""
    n = next(_counter)
    fields.setdefault("status", Statement.Status.PUBLISHED)
    fields.setdefault("published_on", timezone.localdate() - datetime.timedelta(days=n))
    if not any(key.startswith(("title_", "body_")) for key in fields):
        fields.update(
            title_ar=f"بيان رقم {n}",
            body_ar=f"<p>نص البيان رقم {n}</p>",
            title_en=f"Statement {n}",
            body_en=f"<p>Text of statement {n}</p>",
        )
    statement = Statement.objects.create(**fields)
    statement.tags.set(tags)
    for position, source in enumerate(sources):
        SourceLink.objects.create(statement=statement, position=position, **source)
    return statement


@pytest.fixture
def make_statement(db):
    """``build_statement`` for one test."""
    return build_statement


@pytest.fixture
def make_tag(db):
    def make(name_ar="", name_en="", **fields):
        return Tag.objects.create(name_ar=name_ar, name_en=name_en, **fields)

    return make


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language: a request in another one leaves it active otherwise."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


def _staff_in_group(django_user_model, username, group_name):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db, django_user_model):
    """A member of the Editors group (created by a migration): writes and reviews, cannot publish."""
    return _staff_in_group(django_user_model, "editor", "Editors")


@pytest.fixture
def publisher(db, django_user_model):
    """A member of the Publishers group: everything an editor does, plus publish, unpublish and schedule."""
    return _staff_in_group(django_user_model, "publisher", "Publishers")


@pytest.fixture
def editor_client(editor):
    from django.test import Client

    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_client(publisher):
    from django.test import Client

    client = Client()
    client.force_login(publisher)
    return client


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches: a page or card kept by one test must not answer in the next."""
    from django.core.cache import caches

    for alias in ("default", "fragments"):
        caches[alias].clear()
    yield
    for alias in ("default", "fragments"):
        caches[alias].clear()


def picture_bytes(format="JPEG", size=(1600, 1000), colour=(20, 90, 140), **save_options):
    """A real picture in ``format``, drawn on the spot (a coloured field with a light square in it)."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, colour)
    ImageDraw.Draw(image).rectangle((size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2), fill=(240, 230, 200))
    out = io.BytesIO()
    image.save(out, format=format, **save_options)
    return out.getvalue()


@pytest.fixture
def media_root(settings, tmp_path):
    """A fresh, empty folder for the images a test stores."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def make_illustrated(make_statement, media_root):
    """A statement with a lead image (alt text in both languages unless given), stored as an upload would be."""
    from statements.images import lead
    from statements.images.validation import checked_image

    def make(picture=None, **fields):
        for lang, alt in (("ar", "صورة اختبار"), ("en", "A test picture")):
            fields.setdefault(f"lead_image_alt_{lang}", alt)
        statement = make_statement(**fields)
        lead.attach(statement, checked_image(picture or picture_bytes()))
        statement.save()
        return statement

    return make


@pytest.fixture(scope="session", autouse=True)
def remove_test_media():
    """The suite's own media folder (tests/settings.py) goes when the suite ends."""
    import shutil

    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
