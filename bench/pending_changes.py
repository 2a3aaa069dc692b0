"""Time the admin saves of a published statement: a publisher's (live at once), an Editor's (kept for review,
undone and recorded as a proposal) and the publication of a proposal, against a trivial request measured in
the same run. Everything is written in one transaction that is rolled back.

DATABASE_URL=… .venv/bin/python bench/pending_changes.py [repeat]
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "observatory.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from statements.models import PendingChange, SourceLink, Statement, Tag  # noqa: E402
from tests.admin_helpers import change_url, form_data  # noqa: E402


class Rollback(Exception):
    pass


def staff(name, group):
    user = User.objects.create_user(f"bench-{name}", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def statement():
    words_ar = " ".join(["المرصد يدين خطاب الكراهية والتطرف في الفضاء الرقمي"] * 30)
    words_en = " ".join(["The observatory condemns hate speech and extremism online"] * 30)
    made = Statement.objects.create(
        title_ar="بيان للقياس",
        title_en="A statement to measure",
        body_ar=f"<p>{words_ar}</p>",
        body_en=f"<p>{words_en}</p>",
        status=Statement.Status.PUBLISHED,
    )
    made.tags.set(
        Tag.objects.create(name_ar=f"وسم القياس {n}", name_en=f"Bench keyword {n}", slug=f"bench-kw-{n}")
        for n in range(3)
    )
    for n in range(2):
        SourceLink.objects.create(statement=made, url=f"https://example.org/bench/{n}", position=n)
    return made


def timed(action, repeat):
    values = []
    for n in range(repeat):
        reset_queries()
        began = time.perf_counter()
        action(n)
        values.append((time.perf_counter() - began) * 1000)
    return statistics.median(values)


def main():
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    try:
        with transaction.atomic():
            editor, publisher = staff("editor", "Editors"), staff("publisher", "Publishers")
            target = statement()
            url = change_url(target)
            data = form_data(publisher.get(url))

            def post(client, n, who):
                current = Statement.objects.get(pk=target.pk)
                pending = PendingChange.objects.filter(statement=target).values_list("revision_id", flat=True).first()
                fields = {**data, "base_version": current.version, "base_pending": pending or ""}
                fields["title_en"] = f"A statement to measure, {who} {n}"
                response = client.post(url, fields)
                assert response.status_code == 302, response.status_code

            def publish(n):
                post(editor, n, "proposed for publication")
                began = time.perf_counter()
                response = publisher.post(
                    reverse("admin:statements_statement_pending", args=[target.pk]), {"action": "publish"}
                )
                assert response.status_code == 302
                return (time.perf_counter() - began) * 1000

            baseline = timed(lambda n: editor.get("/healthz/"), repeat)
            live = timed(lambda n: post(publisher, n, "publisher"), repeat)
            held = timed(lambda n: post(editor, n, "editor"), repeat)
            published = statistics.median(publish(n) for n in range(repeat))
            load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
            print(f"{connection.vendor}, {repeat} requests each, load average {load}")
            print(f"  {'':<40} {'median':>10}  {'× trivial':>9}  {'× live save':>11}")
            print(f"  {'trivial request (/healthz/)':<40} {baseline:7.1f} ms  {1:9.1f}")
            for name, value in (
                ("publisher's save (goes live)", live),
                ("editor's save (kept for review)", held),
                ("publishing the change", published),
            ):
                print(f"  {name:<40} {value:7.1f} ms  {value / baseline:9.0f}  {value / live:11.2f}")
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
