"""Time the public pages that list statements when the newest statements are very long, on a throwaway SQLite database.

.venv/bin/python bench/long_statements.py [--repeat 5]

Three archives of 40 public statements with one keyword, whose ten newest bodies hold about 2 KB (ordinary),
200,000 characters (the default STATEMENT_MAX_BODY_CHARS) and 5 MB (beyond the limit: rows written without
``save()``, as a bulk load or an older import could leave them). Each page's median is printed in
milliseconds and as a ratio to ``/healthz/`` measured in the same run, with the load average.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PAGES = ("/en/", "/en/statements/", "/en/tags/bench/", "/en/feed/", "/en/feed/rss/", "/ar/feed/")
SIZES = {"2 KB": 2_000, "200,000 chars": 200_000, "5 MB": 5_000_000}


def body(chars):
    paragraph = "<p>" + "كلمة word " * 40 + "</p>"
    return paragraph * max(1, chars // len(paragraph))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="obs-bench-") as workdir:
        run(Path(workdir), args)


def timed(client, url, repeat):
    client.get(url)  # warm-up
    values = []
    for _ in range(repeat):
        began = time.perf_counter()
        response = client.get(url)
        values.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(values)


def run(workdir, args):
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "observatory.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client, override_settings

    from statements.models import Statement, Tag

    call_command("migrate", verbosity=0)
    # Static files are not collected here: plain storage, without the manifest production reads.
    override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()
    tag = Tag.objects.create(name_en="Bench", name_ar="قياس", slug="bench")
    client = Client()
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; median of {args.repeat} after one warm-up")
    header = "".join(f"{url:>18}" for url in PAGES)
    print(f"{'newest bodies':<16}{'/healthz/':>12}{header}")
    for label, chars in SIZES.items():
        Statement.objects.all().delete()
        today = datetime.date(2026, 1, 1)
        statements = Statement.objects.bulk_create(
            Statement(
                title_ar=f"بيان {n}",
                title_en=f"Statement {n}",
                slug=f"s-{n}",
                status=Statement.Status.PUBLISHED,
                published_on=today - datetime.timedelta(days=n),
                body_ar=body(chars if n < 10 else 2_000),
                body_en=body(chars if n < 10 else 2_000),
            )
            for n in range(40)
        )
        Statement.tags.through.objects.bulk_create(
            Statement.tags.through(statement_id=s.pk, tag_id=tag.pk) for s in statements
        )
        cache.clear()
        baseline = timed(client, "/healthz/", args.repeat)
        cells = []
        for url in PAGES:
            elapsed = timed(client, url, args.repeat)
            cells.append(f"{elapsed:8.1f} ms ×{elapsed / baseline:5.0f}")
        print(f"{label:<16}{baseline:9.2f} ms" + "".join(f"{cell:>18}" for cell in cells))
    print(f"load average now {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
