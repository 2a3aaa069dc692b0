"""Writing synthetic statements in bulk, then indexing them in bulk (no per-row signals); the demo pictures."""

import datetime
import random
import time

from django.db import transaction
from django.utils import timezone

from statements.demo.content import TAGS
from statements.demo.pictures import draw_picture
from statements.demo.synthetic import SEED, Writer
from statements.images import lead
from statements.images.validation import checked_image
from statements.models import Statement, Tag
from statements.search.index import index_statements, refresh_statistics

BATCH = 1000
SLUG_PREFIX = "synthetic-"


def add_synthetic_statements(total, stdout):
    """Top the archive up to ``total`` synthetic statements; running it again with the same total adds none."""
    existing = Statement.objects.filter(slug__startswith=SLUG_PREFIX).count()
    missing = total - existing
    if missing <= 0:
        stdout.write(f"Synthetic statements: {existing} already there.")
        return
    tags = list(Tag.objects.filter(slug__in=[slug for slug, _, _ in TAGS]))
    writer = Writer(seed=SEED + existing)
    rng = random.Random(SEED + existing)
    today = timezone.localdate()
    now = timezone.now()
    through = Statement.tags.through
    started = time.monotonic()
    for first in range(existing, total, BATCH):
        numbers = range(first, min(first + BATCH, total))
        statements = []
        for n in numbers:
            roll = rng.random()
            status = Statement.Status.PUBLISHED
            publish_at = None
            if roll < 0.03:
                status = Statement.Status.DRAFT
            elif roll < 0.04:
                publish_at = now + datetime.timedelta(days=rng.randint(1, 30))
            statements.append(Statement(status=status, publish_at=publish_at, **writer.statement_fields(n, today)))
        with transaction.atomic():
            created = Statement.objects.bulk_create(statements)
            if tags:
                through.objects.bulk_create(
                    [
                        through(statement_id=statement.pk, tag_id=tag.pk)
                        for statement in created
                        for tag in rng.sample(tags, rng.randint(1, 3))
                    ]
                )
        index_statements([statement.pk for statement in created])
        stdout.write(f"Synthetic statements: {numbers.stop}/{total} ({time.monotonic() - started:.0f} s)")
    refresh_statistics()


def add_demo_picture(statement, image):
    """Draw the demo ``image`` (see content.py) and make it ``statement``'s lead image, as an upload would."""
    seed, top, bottom, accent = image["picture"]
    data = draw_picture(seed, top, bottom, accent, format=image.get("format", "JPEG"))
    statement.lead_image_focus_x, statement.lead_image_focus_y = image["focus"]
    for field in ("alt_ar", "alt_en", "caption_ar", "caption_en", "credit"):
        setattr(statement, f"lead_image_{field}", image[field])
    lead.attach(statement, checked_image(data))
