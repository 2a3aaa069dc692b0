"""The API's speed beside the HTML pages it mirrors, as ratios to a trivial view measured in the same run.

    .venv/bin/python bench/api.py postgres://postgres@127.0.0.1:5432/obs_bench100k [--repeat 30]

Reads only: every request goes through the test client in this process (full middleware, settings of the
test suite: DEBUG off, a per-process cache, no rate limit). The baseline is ``/robots.txt``, which passes
every middleware and renders a template but reads no database. Each address is asked once to warm up, then
``--repeat`` times; the figures are the median and the 90th percentile, and the queries of one request.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def addresses():
    from django.utils import translation

    from statements.api.params import Cursor
    from statements.discovery.keyword_counts import most_used_tags
    from statements.models import Statement

    public = Statement.objects.published().newest_first()
    newest = public.first()
    deep = public[5000]  # a page far down the archive: the cursor keeps it as cheap as the first
    tag = most_used_tags(1)[0]
    with translation.override("ar"):
        page = newest.get_absolute_url()
    word = "مرصد"
    return [
        ("baseline", "/robots.txt"),
        ("html list", "/ar/statements/"),
        ("html list p.250", "/ar/statements/?page=250"),
        ("html detail", page),
        ("html keyword", f"/ar/tags/{tag.slug}/"),
        ("html search", f"/ar/search/?q={word}"),
        ("api list", "/api/v1/statements/"),
        ("api list deep", f"/api/v1/statements/?cursor={Cursor.after(deep).encode()}"),
        ("api list 100", "/api/v1/statements/?limit=100"),
        ("api detail", f"/api/v1/statements/{newest.pk}/"),
        ("api keyword", f"/api/v1/statements/?tag={tag.slug}"),
        ("api search", f"/api/v1/statements/?q={word}"),
        ("api tags", "/api/v1/tags/"),
        ("api tag", f"/api/v1/tags/{tag.slug}/"),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="database URL (postgres://… or sqlite:///…); only read")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    os.environ["API_RATE_LIMIT"] = ""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from statements.models import Statement

    client = Client()
    print(f"{connection.vendor}: {Statement.objects.count():,} statements; load average {os.getloadavg()}")
    print(f"{'what':<16} {'median':>9} {'p90':>9} {'× baseline':>11} {'queries':>8}  address")
    baseline = None
    for name, url in addresses():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)  # read now: the next request clears Django's query log
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        median = statistics.median(times)
        baseline = baseline or median
        print(
            f"{name:<16} {median:>6.2f} ms {percentile(times, 0.9):>6.2f} ms {median / baseline:>10.1f}× "
            f"{queries:>8}  {url[:60]}"
        )
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
