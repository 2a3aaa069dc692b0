"""Search speed: whole results pages against an ``icontains`` scan, on each database given.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/obs_search_bench .venv/bin/python manage.py seed_demo --count 100000
    .venv/bin/python bench/search.py postgres://postgres@127.0.0.1:5432/obs_search_bench sqlite:////tmp/search.sqlite3

Each URL is measured in its own process (Django binds one database per process). For every query
the results page is requested through the test client (rendered, count included) ``--repeat`` times
after one warm-up; the ``icontains`` scan (every word in any title, summary or body, count plus the
newest 20) runs ``--scan-repeat`` times in the same process, after all the pages.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def queries():
    from statements.demo.synthetic import vocabulary

    ar, en = vocabulary("ar"), vocabulary("en")
    return [
        ("rare ar", ar[19_000]),
        ("rare ar", ar[12_000]),
        ("rare en", en[19_000]),
        ("rare en", en[12_000]),
        ("mid ar", ar[2_000]),
        ("mid en", en[2_000]),
        ("common ar", "مرصد"),
        ("common ar", "الأزهر"),
        ("common ar", "في"),
        ("common en", "observatory"),
        ("common en", "Azhar"),
        ("diacritics", "هُوِيَّة"),
        ("two words", "مرصد التطرف"),
        ("two words", f"{ar[300]} {ar[500]}"),
        ("two words", "extremist media"),
        ("two words", f"{en[300]} {en[500]}"),
        ("phrase", '"مرصد الأزهر"'),
        ("phrase", '"Al-Azhar Observatory"'),
        ("exclusion", "مرصد -داعش"),
    ]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def icontains_scan(q):
    from django.db.models import Q

    from statements.models import Statement
    from statements.search.query import parse

    query = parse(q)
    condition = Q()
    for word in [*query.terms, *(w for phrase in query.phrases for w in phrase)]:
        either = Q()
        for field in ("title", "summary", "body"):
            for lang in ("ar", "en"):
                either |= Q(**{f"{field}_{lang}__icontains": word})
        condition &= either
    matches = Statement.objects.published().filter(condition)
    return matches.count(), list(matches.order_by("-published_on", "-id")[:20])


def measure(url, repeat, scan_repeat, lang):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from statements.models import Statement
    from statements.search.query import parse, search

    client = Client()
    total = Statement.objects.count()
    print(f"\n== {connection.vendor} ({total:,} statements) ==")
    print(f"{'kind':<11} {'query':<28} {'results':>9} {'median':>8} {'p95':>8} {'icontains':>10}")
    page_times, scan_times, rows = [], [], []
    # Pages first, scans after: a full-table scan pushes the index out of the cache and would
    # slow the page measured right after it.
    for kind, q in queries():
        response = client.get(f"/{lang}/search/", {"q": q})
        assert response.status_code == 200, (q, response.status_code)
        results = search(parse(q))
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(f"/{lang}/search/", {"q": q})
            times.append((time.perf_counter() - started) * 1000)
        page_times += times
        rows.append((kind, q, f">{results.count:,}" if results.more else f"{results.count:,}", times))
    for kind, q, shown, times in rows:
        scans = []
        for _ in range(scan_repeat):
            started = time.perf_counter()
            icontains_scan(q)
            scans.append((time.perf_counter() - started) * 1000)
        scan_times += scans
        scan = f"{statistics.median(scans):.0f} ms" if scans else "-"
        print(
            f"{kind:<11} {q[:28]:<28} {shown:>9} {statistics.median(times):>5.1f} ms "
            f"{percentile(times, 0.95):>5.1f} ms {scan:>10}"
        )
    print(
        f"ALL search page: median {statistics.median(page_times):.1f} ms, p95 {percentile(page_times, 0.95):.1f} ms"
        f" over {len(page_times)} requests"
    )
    if scan_times:
        print(
            f"ALL icontains:   median {statistics.median(scan_times):.1f} ms,"
            f" p95 {percentile(scan_times, 0.95):.1f} ms over {len(scan_times)} scans"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("urls", nargs="+", help="database URLs (postgres://… or sqlite:///…)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--scan-repeat", type=int, default=2)
    parser.add_argument("--lang", default="ar", choices=["ar", "en"])
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        measure(args.urls[0], args.repeat, args.scan_repeat, args.lang)
        return
    for url in args.urls:
        command = [sys.executable, __file__, url, "--one", f"--repeat={args.repeat}"]
        command += [f"--scan-repeat={args.scan_repeat}", f"--lang={args.lang}"]
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
