import datetime

import reversion
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from statements.demo.content import STATEMENTS, TAGS
from statements.demo.load import add_demo_picture, add_synthetic_statements
from statements.editorial.workflow import record_status_change
from statements.models import SourceLink, Statement, Tag


class Command(BaseCommand):
    help = (
        "Load bilingual demo content. Running it again adds nothing. "
        "With --count N, also make sure N synthetic statements exist (for load tests)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--count",
            type=int,
            default=0,
            help="Synthetic statements (about 500 words, half Arabic, half English) to have in total, added in bulk.",
        )

    def handle(self, *args, count=0, **options):
        self._load_demo()
        if count > 0:
            add_synthetic_statements(count, self.stdout)

    @transaction.atomic
    def _load_demo(self):
        tags = {}
        for slug, name_ar, name_en in TAGS:
            tags[slug], _ = Tag.objects.get_or_create(slug=slug, defaults={"name_ar": name_ar, "name_en": name_en})
        created = 0
        for item in STATEMENTS:
            if self._exists(item):
                continue
            publish_at = None
            published_on = datetime.date.fromisoformat(item["published_on"])
            if "publish_at_days" in item:
                # Scheduled relative to today, so the demo always has a statement waiting for its moment.
                publish_at = timezone.now() + datetime.timedelta(days=item["publish_at_days"])
                published_on = timezone.localdate(publish_at)
            # A first revision and status record, so the History page and the compare view have a start.
            with reversion.create_revision():
                reversion.set_comment("محتوى تجريبي · Demo content")
                statement = self._create(item, tags, published_on, publish_at)
            record_status_change(statement, from_status=None, user=None)
            created += 1
        self.stdout.write(f"Demo content: {created} statements added, {len(STATEMENTS) - created} already there.")

    def _create(self, item, tags, published_on, publish_at):
        statement = Statement(
            published_on=published_on,
            status=item.get("status", Statement.Status.PUBLISHED),
            publish_at=publish_at,
            **{
                f"{field}_{lang}": item.get(f"{field}_{lang}", "")
                for field in ("title", "summary", "body")
                for lang in ("ar", "en")
            },
        )
        if "image" in item:
            add_demo_picture(statement, item["image"])
        statement.save()
        statement.tags.set(tags[slug] for slug in item["tags"])
        for position, source in enumerate(item["sources"]):
            published_on = source.get("published_on")
            SourceLink.objects.create(
                statement=statement,
                position=position,
                url=source["url"],
                title=source.get("title", ""),
                publisher=source.get("publisher", ""),
                published_on=datetime.date.fromisoformat(published_on) if published_on else None,
            )
        # Once its keywords and sources are in place: the revision holds them too.
        reversion.add_to_revision(statement)
        return statement

    def _exists(self, item):
        if item.get("title_ar"):
            return Statement.objects.filter(title_ar=item["title_ar"]).exists()
        return Statement.objects.filter(title_en=item["title_en"]).exists()
