"""Images go through Django's storage API: a folder in development, S3-compatible storage by configuration."""

import os
import subprocess
import sys
from pathlib import Path

from statements.images import renditions

PROJECT = Path(__file__).parents[2]


def settings_in_subprocess(code, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIA_", "AWS_", "DJANGO_"))}
    environment.update(DJANGO_SETTINGS_MODULE="observatory.settings", DEBUG="1", **env)
    setup = "import django; django.setup(); from django.core.files.storage import storages; default_storage = storages['default']; "
    result = subprocess.run(
        [sys.executable, "-c", setup + code], cwd=PROJECT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_named_bucket_puts_images_on_s3_compatible_storage_with_stable_public_addresses():
    out = settings_in_subprocess(
        "print(type(default_storage).__name__, default_storage.url('lead/abc.jpg'))",
        MEDIA_S3_BUCKET="observatory-media",
        MEDIA_S3_CUSTOM_DOMAIN="media.observatory.example",
        AWS_ACCESS_KEY_ID="x",
        AWS_SECRET_ACCESS_KEY="y",
    )
    assert out == "S3Storage https://media.observatory.example/media/lead/abc.jpg"


def test_without_a_bucket_images_live_in_media_root_at_media_url(tmp_path):
    out = settings_in_subprocess(
        "print(type(default_storage).__name__, default_storage.path('lead/abc.jpg'), default_storage.url('lead/abc.jpg'))",
        MEDIA_ROOT=str(tmp_path),
        MEDIA_URL="/uploads/",
    )
    assert out == f"FileSystemStorage {tmp_path}/lead/abc.jpg /uploads/lead/abc.jpg"


def test_a_stored_image_and_its_renditions_go_through_the_default_storage(make_illustrated, monkeypatch):
    from django.core.files.storage import storages

    saved = []
    storage_class = type(storages["default"])
    real_save = storage_class.save

    def save(self, name, *args, **kwargs):
        saved.append(name)
        return real_save(self, name, *args, **kwargs)

    monkeypatch.setattr(storage_class, "save", save)
    statement = make_illustrated()
    assert statement.lead_image.name in saved
    assert renditions.social(statement.lead_image.name).name in saved
    assert sum(name.endswith((".webp", ".jpg")) for name in saved) == 1 + 6 + 1
