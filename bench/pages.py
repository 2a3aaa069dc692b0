"""Requests per second for each public page type, cold (page cache off) and warm, and for 304 answers.

    .venv/bin/python bench/pages.py [--count 2000] [--seconds 5] [--workers 2]

Seeds an SQLite archive of its own (``seed_demo --count``) in a temporary folder, then starts gunicorn twice
with production settings (DEBUG=0) on it three times: with nothing kept (``PAGE_CACHE_SECONDS=0`` and
``FRAGMENT_CACHE_SECONDS=0``: every request draws its whole page), with the page cache off but the statement cards
kept (what a page costs just after a change elsewhere in the archive, the usual cold page), and with both on. Each page is measured with wrk (2 threads, 16 connections, a few seconds)
after a short warm-up, and divided by a trivial view (a small template through the same middleware,
``bench/urls.py``) served by the same server in the same run. Prints a table and the load average, since the
machine may be shared.
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def environment(database, cache_seconds, fragment_seconds=86400):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DEBUG="0",
        SECRET_KEY="bench-only-not-secret",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"sqlite:///{database}",
        PAGE_CACHE_SECONDS=str(cache_seconds),
        FRAGMENT_CACHE_SECONDS=str(fragment_seconds),
        # wrk asks from one address, far faster than any reader: the feed's per-address limit (0: off) would answer 429.
        RATE_LIMIT_FEEDS="0",
        LOG_LEVEL="ERROR",
    )
    env.pop("REDIS_URL", None)  # each worker's memory: what an instance without Redis does
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(env, workers):
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}", "observatory.wsgi:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz/", timeout=1)
            return server, base
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def wrk(url, seconds, headers=()):
    args = ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency"]
    for header in headers:
        args += ["-H", header]
    output = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, int(errors.group(1)) if errors else 0


def pages(base, env):
    """The addresses to measure, read from the archive the server serves."""
    script = (
        "import django; django.setup()\n"
        "from django.db.models import Count\n"
        "from statements.models import Statement, Tag\n"
        "s = Statement.objects.published().newest_first()[50]\n"
        "t = Tag.objects.annotate(n=Count('statements')).order_by('-n').first()\n"
        "print(s.get_absolute_url()); print(t.get_absolute_url())\n"
    )
    out = subprocess.run([PYTHON, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    statement, tag = out.stdout.split()
    return {
        "statement": statement,
        "list": "/ar/statements/",
        "list page 50": "/ar/statements/?page=50",
        "keyword": tag,
        "keyword index": "/ar/tags/",
        "home": "/ar/",
        "feed": "/ar/feed/",
    }


def measure(base, urls, seconds):
    """{name: requests per second}, the trivial view first; the 304 path revalidates the statement page."""
    rates = {}
    trivial = base + "/bench/trivial/"
    before = wrk(trivial, seconds)
    for name, path in urls.items():
        for _ in range(3):  # warm-up: the process, and the cache where it is on
            urllib.request.urlopen(base + path).read()
        rates[name] = wrk(base + path, seconds)
    etag = urllib.request.urlopen(base + urls["statement"]).headers["ETag"]
    rates["304 (statement)"] = wrk(base + urls["statement"], seconds, [f"If-None-Match: {etag}"])
    after = wrk(trivial, seconds)
    # Measured before and after the pages, so a machine that grows busier during the run shows in neither alone.
    return {"trivial view": ((before[0] + after[0]) / 2, before[1] + after[1]), **rates}


def run(database, cache_seconds, workers, seconds, urls=None, fragment_seconds=86400):
    env = environment(database, cache_seconds, fragment_seconds)
    server, base = start(env, workers)
    try:
        urls = urls or pages(base, env)
        return measure(base, urls, seconds), urls
    finally:
        server.terminate()
        server.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed (apt-get install wrk)")
    folder = Path(tempfile.mkdtemp(prefix="observatory-bench-"))
    try:
        database = folder / "bench.sqlite3"
        env = environment(database, 0)
        print(f"seeding {options.count} statements in {database} …", flush=True)
        manage(env, "migrate", "--noinput")
        manage(env, "seed_demo", "--count", str(options.count))
        manage(env, "collectstatic", "--noinput")
        bare, urls = run(database, 0, options.workers, options.seconds, fragment_seconds=0)
        cold, _ = run(database, 0, options.workers, options.seconds, urls)
        warm, _ = run(database, 300, options.workers, options.seconds, urls)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"\n{options.count} statements, SQLite, gunicorn -w {options.workers}, wrk -t2 -c16 -d{options.seconds}s")
    print(f"load average after the run: {load} ({os.cpu_count()} CPUs)\n")
    print("trivial view: measured before and after the pages, averaged; each column against its own run's")
    print("nothing kept: page and card caches off; cold: page cache off, cards kept; warm: both on\n")
    runs = {"nothing kept": bare, "cold": cold, "warm": warm}
    print(f"{'page':<18}" + "".join(f" {label + ' req/s':>18} {'× trivial':>9}" for label in runs))
    for name in cold:
        cells, errors = "", False
        for result in runs.values():
            rate, failed = result[name]
            errors = errors or bool(failed)
            cells += f" {rate:>18.0f} {rate / result['trivial view'][0]:>9.2f}"
        print(f"{name:<18}{cells}{' (errors)' if errors else ''}")


if __name__ == "__main__":
    main()
