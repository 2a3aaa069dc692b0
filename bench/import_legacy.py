"""How fast import_statements reads an archive of old-site pages on SQLite (the target is 200 files a second).

Run from the project folder: .venv/bin/python bench/import_legacy.py [--files N]
Uses a throwaway SQLite database and folder in a temporary directory; prints the figures.
"""

import argparse
import datetime
import os
import random
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from statements.dates import ARABIC_MONTHS, ARABIC_WEEKDAYS, ENGLISH_MONTHS, ENGLISH_WEEKDAYS  # noqa: E402

AR_WORDS = (
    "مرصد الأزهر لمكافحة التطرف يحذر من خطاب الكراهية على مواقع التواصل الاجتماعي ويدعو إلى تعزيز قيم "
    "التعايش والحوار بين الشباب في أوروبا وأفريقيا ويرصد نشاط الجماعات المتطرفة وتنظيم داعش على الإنترنت"
).split()
EN_WORDS = (
    "Al-Azhar Observatory for Combating Extremism warns against hate speech on social networks and calls for "
    "coexistence and dialogue among young people in Europe and Africa while following extremist groups online"
).split()
AR_KEYWORDS = ["داعش", "الإنترنت", "الشباب", "أوروبا", "أفريقيا", "التعايش", "الإسلاموفوبيا", "المرأة", "الفتاوى"]
EN_KEYWORDS = ["Daesh", "Internet", "Youth", "Europe", "Africa", "Coexistence", "Islamophobia", "Women", "Fatwas"]
# The old site's own spellings of three months, which the importer must read as well as the usual ones.
AR_MONTHS = tuple({4: "إبريل", 6: "يونية", 7: "يولية"}.get(n, name) for n, name in enumerate(ARABIC_MONTHS, 1))


def legacy_page(n, rng):
    """A page like the old site's: title, date line, title again, 3–12 paragraphs, Print, Keywords."""
    arabic = n % 3 != 0
    words, keywords = (AR_WORDS, AR_KEYWORDS) if arabic else (EN_WORDS, EN_KEYWORDS)
    day = datetime.date(2014, 1, 1) + datetime.timedelta(days=rng.randrange(4000))
    title = f"{' '.join(rng.choices(words, k=rng.randint(6, 14)))} {n}"
    if arabic:
        date_line = f"  • | {ARABIC_WEEKDAYS[day.weekday()]}, {day.day} {AR_MONTHS[day.month - 1]}, {day.year}"
        chrome, label, separator = "طباعة", "كلمات دالة:", "، "
    else:
        date_line = f"  • | {ENGLISH_WEEKDAYS[day.weekday()]}, {day.day} {ENGLISH_MONTHS[day.month - 1]}, {day.year}"
        chrome, label, separator = "Print", "Keywords:", ", "
    paragraphs = [" ".join(rng.choices(words, k=rng.randint(25, 80))) + "." for _ in range(rng.randint(3, 12))]
    paragraphs[0] = "\u00a0 \u00a0 \u00a0  " + paragraphs[0]
    tags = separator.join(rng.sample(keywords, rng.randint(1, 4)))
    text = "\n".join([title, "", date_line, title, "", *paragraphs, "", chrome, f"{label} {tags}"])
    if arabic and n % 5 == 0:
        return text.replace("\n", "\r\n").encode("cp1256")
    return text.encode("utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--profile", action="store_true", help="Print where the first import spends its time.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="obs-bench-") as workdir:
        run(Path(workdir), args)


def run(workdir, args):
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "observatory.settings")
    # As an operator runs it: DEBUG off (it keeps every query in memory), so a throwaway key.
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "bench-only")

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from reversion.models import Revision

    from statements.models import Statement, Tag

    call_command("migrate", verbosity=0)
    archive = workdir / "archive"
    rng = random.Random(4)
    for n in range(args.files):
        folder = archive / str(2014 + n % 10)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"page-{n:05d}.txt").write_bytes(legacy_page(n, rng))
    size = sum(path.stat().st_size for path in archive.rglob("*.txt"))
    print(
        f"{args.files} pages, {size / 1e6:.1f} MB, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, "
        f"DEBUG {settings.DEBUG}"
    )

    for label in ("first import", "same files again", "dry run"):
        out = StringIO()
        started, cpu_started = time.perf_counter(), time.process_time()
        command = ("import_statements", str(archive))
        options = {"stdout": out, "stderr": StringIO(), "dry_run": label == "dry run"}
        if args.profile and label == "first import":
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.runcall(call_command, *command, **options)
            elapsed = time.perf_counter() - started
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        else:
            call_command(*command, **options)
            elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        print(
            f"{label:>16}: {elapsed:6.2f} s, {args.files / elapsed:5.0f} files/s "
            f"(CPU {cpu:5.2f} s, {args.files / cpu:5.0f} files/s)   {out.getvalue().strip().splitlines()[-1]}"
        )
    print(
        f"database: {Statement.objects.count()} statements, {Tag.objects.count()} keywords, "
        f"{Revision.objects.count()} revisions; load average now {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
