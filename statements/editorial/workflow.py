"""Who may move a statement between draft, review and published, and the record of every move.

Editors write and pass drafts to review; only holders of ``statements.publish_statement`` (the Publishers
group, superusers) publish, unpublish or schedule. These rules are applied on the server, to every form
post and every list action, whatever the browser showed.
"""

import reversion
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from statements.images.lead import languages_missing_alt_text
from statements.models import StaleVersion, Statement, StatusChange

PUBLISH_PERMISSION = "statements.publish_statement"
Status = Statement.Status


def can_publish(user):
    return bool(user and user.has_perm(PUBLISH_PERMISSION))


def refused_changes(user, *, old_status, new_status, publish_at_changed):
    """Form errors, by field, for the publication changes ``user`` may not make (empty when all are allowed).

    ``old_status`` is None for a new statement.
    """
    if can_publish(user):
        return {}
    errors = {}
    if new_status == Status.PUBLISHED and old_status != Status.PUBLISHED:
        errors["status"] = _(
            "Only publishers can publish a statement. Set it to “In review” and a publisher will publish it."
        )
    elif old_status == Status.PUBLISHED and new_status != Status.PUBLISHED:
        errors["status"] = _("Only publishers can unpublish a statement.")
    if publish_at_changed:
        errors["publish_at"] = _("Only publishers can schedule a statement or change its publication time.")
    return errors


def local_moment(value):
    """``value`` in the site's time zone, written the way the active language writes dates and times."""
    return date_format(timezone.localtime(value), "DATETIME_FORMAT")


def publication_label(statement):
    """What the admin list says about a statement: its status, or when it will go live."""
    if statement.is_scheduled:
        return _("Scheduled for %(moment)s") % {"moment": local_moment(statement.publish_at)}
    return statement.get_status_display()


def status_note(from_status, statement):
    """One line for the history: ``Status: Draft → Published``, with the scheduled moment if any."""
    labels = dict(Status.choices)
    note = _("Status: %(old)s → %(new)s") % {
        "old": labels.get(from_status, "—"),
        "new": labels[statement.status],
    }
    if statement.is_scheduled:
        note += " · " + _("scheduled for %(moment)s") % {"moment": local_moment(statement.publish_at)}
    return note


def publication_changed(old_status, old_publish_at, statement):
    if old_status != statement.status:
        return True
    return statement.status == Status.PUBLISHED and old_publish_at != statement.publish_at


def record_status_change(statement, *, from_status, user, event=StatusChange.Event.STATUS):
    return StatusChange.objects.create(
        statement=statement,
        from_status=from_status or "",
        to_status=statement.status,
        publish_at=statement.publish_at,
        event=event,
        changed_by=user if user is not None and user.is_authenticated else None,
    )


# What each list action does: the statuses it applies to, and the status it moves them to.
MOVES = {
    "publish": ((Status.DRAFT, Status.REVIEW, Status.PUBLISHED), Status.PUBLISHED),
    "unpublish": ((Status.PUBLISHED,), Status.DRAFT),
    "send_back": ((Status.REVIEW,), Status.DRAFT),
}


def apply_move(move, pks, user):
    """Carry out the list action ``move`` on the statements ``pks`` as ``user``.

    Returns (moved, skipped, busy): ``moved`` as (statement, its old status) pairs.

    Each statement is locked, changed and saved through ``save()`` (so signals and revisions follow),
    with its own record of who changed it and when. "publish" also makes a scheduled statement live now.
    """
    if not can_publish(user):
        raise PermissionError(PUBLISH_PERMISSION)
    applies_to, target = MOVES[move]
    moved, skipped, busy = [], [], []
    now = timezone.now()
    for pk in pks:
        try:
            with transaction.atomic(), reversion.create_revision():
                statement = Statement.objects.select_for_update().filter(pk=pk).first()
                if statement is None:
                    continue
                if statement.status not in applies_to or (
                    move == "publish" and (statement.is_public or languages_missing_alt_text(statement))
                ):
                    skipped.append(statement)
                    continue
                old_status = statement.status
                statement.status = target
                if move == "publish" and statement.publish_at and statement.publish_at > now:
                    statement.publish_at = now
                statement.save()
                record_status_change(statement, from_status=old_status, user=user)
                reversion.set_user(user)
                reversion.set_comment(status_note(old_status, statement))
                moved.append((statement, old_status))
        except StaleVersion:
            busy.append(pk)
    return moved, skipped, busy
