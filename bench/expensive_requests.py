"""What spelled-differently requests and outages cost: sitemap page spellings, Host headers, a silent Redis.

DATABASE_URL=postgres://… .venv/bin/python bench/expensive_requests.py [repeat]

Only reads the database. Prints, with the load average: a trivial baseline (``/healthz/``); the first build of
``/sitemap-statements.xml``; the same page asked as ``?p=01``, ``?p=001``, … and with other Host ports, with the
cache entries each kind of request left; and the home page with Redis answering nothing, as ratios to the
baseline.
"""

import os
import socket
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.update(DJANGO_SETTINGS_MODULE="observatory.settings", DEBUG="0", LOG_LEVEL="CRITICAL")
os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")
os.environ.setdefault("SITE_URL", "https://observatory.example")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

PLAIN = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def timed(client, url, **headers):
    started = time.perf_counter()
    response = client.get(url, secure=True, **headers)
    return (time.perf_counter() - started) * 1000, response.status_code


def median(samples):
    return statistics.median(ms for ms, _status in samples)


def entries():
    return len(getattr(cache, "_cache", {}))


def main():
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    client = Client()
    print(f"load average {os.getloadavg()[0]:.2f}")
    baseline = median([timed(client, "/healthz/") for _ in range(20)])
    print(f"baseline /healthz/: {baseline:.2f} ms")

    cache.clear()
    first = timed(client, "/sitemap-statements.xml")
    print(f"first build of /sitemap-statements.xml: {first[0]:.0f} ms ({first[0] / baseline:.0f}x), status {first[1]}")
    before = entries()
    spellings = [timed(client, "/sitemap-statements.xml?p=" + "0" * n + "1") for n in range(1, repeat + 1)]
    print(
        f"?p=01, ?p=001, …: median {median(spellings):.1f} ms ({median(spellings) / baseline:.1f}x), "
        f"statuses {sorted({s for _ms, s in spellings})}, new cache entries {entries() - before}"
    )
    before = entries()
    hosts = [timed(client, "/sitemap-statements.xml", HTTP_HOST=f"127.0.0.1:{port}") for port in range(1, repeat + 1)]
    print(
        f"Host 127.0.0.1:1, :2, …: median {median(hosts):.1f} ms ({median(hosts) / baseline:.1f}x), "
        f"statuses {sorted({s for _ms, s in hosts})}, new cache entries {entries() - before}"
    )

    home = [timed(client, "/ar/") for _ in range(repeat)]
    print(f"/ar/ with the cache up: median {median(home):.1f} ms ({median(home) / baseline:.1f}x)")
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(64)
    redis = {
        "default": {
            "BACKEND": "observatory.security.cache.DegradingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{silent.getsockname()[1]}/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
    with override_settings(CACHES=redis):
        down = [timed(client, "/ar/") for _ in range(repeat + 1)]
    silent.close()
    print(
        f"/ar/ with a Redis that never answers: first {down[0][0]:.0f} ms, then median {median(down[1:]):.1f} ms "
        f"({median(down[1:]) / baseline:.1f}x), statuses {sorted({s for _ms, s in down})}"
    )


if __name__ == "__main__":
    with override_settings(STORAGES=PLAIN):
        main()
