"""The editorial admin's pages on a large archive: median time and queries per page, as editors meet them.

    createdb -h 127.0.0.1 -U postgres obs_admin_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/obs_admin_bench
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py seed_demo --count 100000
    .venv/bin/python bench/admin.py                # reuses the archive as it is
    .venv/bin/python bench/admin.py --repeat 5     # more requests per page

Each page is requested in this process through Django's test client, signed in as a superuser, once as a
warm-up and then ``--repeat`` times (median shown, with the median processor time of this process: the
Python side, which other load on the machine stretches less). The superuser and its session are written
inside a transaction that is rolled back at the end, so no row is left behind (a sequence number is used up:
run it on a copy of a shared database, ``createdb -T``). The admin's index page (session, user, a template,
no statement read), measured in the same run, is the trivial baseline each median is divided by; the load
average is printed before and after.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Rollback(Exception):
    pass


def pages():
    """(label, address, query) for each row, the issue's rows first."""
    from django.utils import timezone

    from statements.demo.synthetic import vocabulary
    from statements.models import Statement, Tag

    statement = Statement.objects.order_by("-published_on", "-id").first()
    tag = Tag.objects.filter(slug="daesh").first() or Tag.objects.order_by("pk").first()
    ar, en = vocabulary("ar"), vocabulary("en")
    listing = "/admin/statements/statement/"
    rows = [
        ("statement list", listing, {}),
        ("statement list, page 200", listing, {"p": 200}),
        ("search `مسئول` (a word in many statements)", listing, {"q": "مسئول"}),
        ("search `Europol` (a rare word)", listing, {"q": "Europol"}),
        ("filter by status (review)", listing, {"publication": "review"}),
        ("filter by one keyword", listing, {"tags__id__exact": tag.pk if tag else 0}),
        ("keyword list", "/admin/statements/tag/", {}),
        (
            "keyword autocomplete (`ال`)",
            "/admin/autocomplete/",
            {"app_label": "statements", "model_name": "statement", "field_name": "tags", "term": "ال"},
        ),
        ("statement change form", f"{listing}{statement.pk}/change/", {}),
        ("history", f"{listing}{statement.pk}/history/", {}),
        # Beyond the table: the other kinds of search the targets name, and depth with a filter.
        (f"search `{ar[15_000]}` (a rare Arabic word)", listing, {"q": ar[15_000]}),
        ("search `observatory` (a word in nearly every statement)", listing, {"q": "observatory"}),
        (f"search `{en[2_000]}` (English, about a thousand statements)", listing, {"q": en[2_000]}),
        ("search `مسئول`, drafts only", listing, {"q": "مسئول", "publication": "draft"}),
        ("filter by one keyword, page 100", listing, {"tags__id__exact": tag.pk if tag else 0, "p": 100}),
        ("filter by last year (date hierarchy)", listing, {"published_on__year": timezone.localdate().year - 1}),
        ("ordered by title, page 50", listing, {"o": "1", "p": 50}),
        ("statement list, page 400 (as deep as page 200 of 100 rows)", listing, {"p": 400}),
    ]
    return rows


def timed(client, url, params, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url, params)  # warm-up
    assert response.status_code == 200, (url, params, response.status_code)
    times, cpu = [], []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(url, params)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(times), statistics.median(cpu), len(queries), response


def shown_count(response):
    changelist = getattr(response, "context_data", None) or {}
    cl = changelist.get("cl")
    if cl is None:
        return ""
    more = getattr(cl, "result_count_is_lower_bound", False)
    return f"{'>' if more else ''}{cl.result_count:,}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="requests per page after the warm-up (median)")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.test import Client

    from statements.models import Statement

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    total = Statement.objects.count()
    print(f"{connection.vendor}, {total:,} statements, median of {args.repeat} after one warm-up\n")
    try:
        with transaction.atomic():
            user = get_user_model().objects.create_superuser("admin-bench", "bench@example.org", "-")
            client = Client()
            client.force_login(user)
            baseline, _, _, _ = timed(client, "/admin/", {}, max(args.repeat, 5))
            print(f"baseline, the admin's index page `/admin/`: {baseline:.1f} ms\n")
            print("| admin page | median | × baseline | CPU (Python) | queries | rows counted |")
            print("|---|---:|---:|---:|---:|---:|")
            for label, url, params in pages():
                median, cpu, queries, response = timed(client, url, params, args.repeat)
                print(
                    f"| {label} | {median:,.0f} ms | {median / baseline:,.1f} | {cpu:,.0f} ms | {queries} "
                    f"| {shown_count(response)} |",
                    flush=True,
                )
            raise Rollback
    except Rollback:
        pass
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
