"""Time the public pages rendered cold (page cache off), in process with the test client, one request at a time.

Reads an existing archive and writes nothing, so it may run on a shared copy (the figures in docs/caching.md
were taken on 100,000 seeded statements on PostgreSQL):

DATABASE_URL=postgres://…/obs_bench100k .venv/bin/python bench/cold_pages.py [repeats] [--keep-cards] [--profile PAGE]
"""

import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "observatory.settings")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ["PAGE_CACHE_SECONDS"] = "0"  # every request renders its page
# Every card drawn too, unless asked to keep them (--keep-cards: the usual cold page, just after a change elsewhere).
os.environ["FRAGMENT_CACHE_SECONDS"] = "86400" if "--keep-cards" in sys.argv else "0"
# One client asking again and again is what the search and feed limits are for: off here.
os.environ["RATE_LIMIT_SEARCH"] = os.environ["RATE_LIMIT_FEEDS"] = "0"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from statements.models import Statement, Tag  # noqa: E402

SEARCHES = ["مرصد", "داعش", "الإرهاب", "extremism", "Daesh", "مرصد -داعش", "التطرف الفكري", '"مرصد الأزهر"']


def pages():
    public = Statement.objects.published().newest_first()
    statement = public[public.count() // 2]
    busiest = Tag.objects.annotate(n=Count("statements")).order_by("-n").first()
    year = statement.published_on.year
    urls = {
        "home": "/ar/",
        "list": "/ar/statements/",
        "list page 500": "/ar/statements/?page=500",
        "list last page": f"/ar/statements/?page={(public.count() + 19) // 20}",
        "year": f"/ar/statements/{year}/",
        "month": f"/ar/statements/{year}/{statement.published_on:%m}/",
        "statement": statement.get_absolute_url(),
        "print": statement.get_print_url(),
        "keyword index": "/ar/tags/",
        "keyword": busiest.get_absolute_url(),
        "keyword page 100": busiest.get_absolute_url() + "?page=100",
        "feed": "/ar/feed/",
        "keyword feed": busiest.get_absolute_url() + "feed/",
        "sitemap": "/sitemap.xml",
    }
    for query in SEARCHES:
        urls[f"search {query}"] = "/ar/search/?" + __import__("urllib.parse").parse.urlencode({"q": query})
    return urls


def timed(client, url, repeats):
    client.get(url)  # warm the process (templates, connections), not the page
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), max(times), len(queries)


def main():
    args = [arg for arg in sys.argv[1:] if arg != "--keep-cards"]
    profile = None
    if "--profile" in args:
        profile = args[args.index("--profile") + 1]
        del args[args.index("--profile") : args.index("--profile") + 2]
    repeats = int(args[0]) if args else 7
    client = Client()
    urls = pages()
    if profile:
        client.get(urls[profile])
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(repeats):
            client.get(urls[profile])
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(35)
        stats.sort_stats("tottime").print_stats(25)
        return
    kept = "cards kept" if os.environ["FRAGMENT_CACHE_SECONDS"] != "0" else "nothing kept"
    print(f"{Statement.objects.count()} statements, {connection.vendor}, {kept}, load average {os.getloadavg()[0]:.2f}")
    print(f"{'page':<28} {'median ms':>10} {'max ms':>8} {'queries':>8}")
    for name, url in urls.items():
        median, longest, count = timed(client, url, repeats)
        print(f"{name:<28} {median:>10.1f} {longest:>8.1f} {count:>8}")


if __name__ == "__main__":
    main()
