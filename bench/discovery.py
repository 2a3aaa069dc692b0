"""Time the related-reading query of a statement page on a large archive, then roll the data back.

DATABASE_URL=postgres://… DEBUG=1 .venv/bin/python bench/discovery.py [statements] [keywords]
"""

import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "observatory.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from statements.discovery.related import neighbours, related_statements  # noqa: E402
from statements.models import Statement, Tag  # noqa: E402


class Rollback(Exception):
    pass


def build(count, keyword_count):
    rng = random.Random(6)
    tags = Tag.objects.bulk_create(
        Tag(name_ar=f"وسم {n}", name_en=f"Keyword {n}", slug=f"bench-{n}") for n in range(keyword_count)
    )
    start = datetime.date(2005, 1, 1)
    statements = Statement.objects.bulk_create(
        Statement(
            title_ar=f"بيان {n}",
            title_en=f"Statement {n}",
            slug=f"bench-{n}",
            status=Statement.Status.PUBLISHED if rng.random() < 0.9 else Statement.Status.DRAFT,
            published_on=start + datetime.timedelta(days=rng.randrange(7300)),
        )
        for n in range(count)
    )
    through = Statement.tags.through
    links = {(s.pk, rng.choice(tags).pk) for s in statements for _ in range(rng.randint(1, 4))}
    through.objects.bulk_create(through(statement_id=s, tag_id=t) for s, t in links)
    return statements, len(links)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    keyword_count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    try:
        with transaction.atomic():
            statements, link_count = build(count, keyword_count)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            sample = random.Random(7).sample(statements, 50)
            timings = {"related": [], "neighbours": []}
            for statement in sample:
                statement = Statement.objects.prefetch_related("tags").get(pk=statement.pk)
                began = time.perf_counter()
                related_statements(statement)
                timings["related"].append((time.perf_counter() - began) * 1000)
                began = time.perf_counter()
                neighbours(statement)
                timings["neighbours"].append((time.perf_counter() - began) * 1000)
            print(f"{connection.vendor}: {count} statements, {keyword_count} keywords, {link_count} keyword links")
            for name, values in timings.items():
                values.sort()
                print(
                    f"  {name:<10} median {statistics.median(values):6.1f} ms   "
                    f"p90 {values[int(len(values) * 0.9)]:6.1f} ms   max {values[-1]:6.1f} ms"
                )
            client = Client()
            for url in (
                "/sitemap.xml",
                "/sitemap-statements.xml",
                "/sitemap-archive.xml",
                "/ar/feed/",
                "/en/feed/rss/",
            ):
                began = time.perf_counter()
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(url, HTTP_HOST="localhost")
                elapsed = (time.perf_counter() - began) * 1000
                print(
                    f"  {url:<24} {response.status_code}  {elapsed:7.0f} ms  {len(queries):2d} queries  "
                    f"{len(response.content) / 1024:8.0f} KiB"
                )
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
