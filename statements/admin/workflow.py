"""The editorial workflow in the statement admin: roles, list actions, status history, restores, writing figures."""

import json

import reversion
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from reversion.admin import VersionAdmin
from reversion.models import Version

from statements.caching.generation import public_content_unchanged
from statements.editorial.pending import (
    NothingPending,
    ProposedMeanwhile,
    discard_pending,
    held_for_review,
    propose,
    published_version,
    settle_if_published,
    snapshot,
)
from statements.editorial.pending import (
    publish_pending as publish_pending_change,
)
from statements.editorial.revisions import follow_merged_keywords
from statements.editorial.workflow import (
    PUBLISH_PERMISSION,
    apply_move,
    can_publish,
    local_moment,
    publication_changed,
    publication_label,
    record_status_change,
    status_note,
)
from statements.models import PendingChange, SourceLink, StaleVersion, Statement, StatusChange

LANGUAGE_NAMES = {"ar": gettext_lazy("Arabic"), "en": gettext_lazy("English")}


class StatusChangeInline(admin.TabularInline):
    """The statement's publication history, read only: who changed its status, and when."""

    model = StatusChange
    extra = 0
    can_delete = False
    fields = ("changed_at", "changed_by", "from_status", "to_status", "publish_at", "event")
    readonly_fields = fields
    verbose_name_plural = gettext_lazy("status history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("statements.view_statement")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PublicationFilter(admin.SimpleListFilter):
    """Status, with published statements split into those already live and those still waiting."""

    title = gettext_lazy("publication")
    parameter_name = "publication"
    # The choices whose statements change as time passes (a scheduled statement goes live by itself).
    TIMED = ("scheduled", "live")

    def lookups(self, request, model_admin):
        return (
            ("draft", gettext_lazy("Draft")),
            ("review", gettext_lazy("In review")),
            ("scheduled", gettext_lazy("Scheduled")),
            ("live", gettext_lazy("Live")),
        )

    def queryset(self, request, queryset):
        value = self.value()
        if value in (Statement.Status.DRAFT, Statement.Status.REVIEW):
            return queryset.filter(status=value)
        # The same conditions, combined with the list's own (a subquery of ids made the list hash the archive).
        if value == "live":
            return queryset & Statement.objects.published()
        if value == "scheduled":
            return queryset & Statement.objects.scheduled()
        return queryset


class PendingChangeFilter(admin.SimpleListFilter):
    """Statements with a change awaiting a publisher's review, or without one."""

    title = gettext_lazy("changes awaiting review")
    parameter_name = "pending"

    def lookups(self, request, model_admin):
        return (("yes", gettext_lazy("Awaiting review")), ("no", gettext_lazy("None")))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pending_change__isnull=False)
        if self.value() == "no":
            return queryset.filter(pending_change__isnull=True)
        return queryset


class _Undo(Exception):
    """Raised to roll back a save that is kept as a change awaiting review instead; carries the view's answer."""

    def __init__(self, response):
        super().__init__()
        self.response = response


def _change_text(message):
    """The admin's change message (a list of changes, or text) as a sentence, as the admin log shows it."""
    if isinstance(message, list):
        return LogEntry(change_message=json.dumps(message)).get_change_message()
    return str(message or "")


class WorkflowAdminMixin:
    object_history_template = "admin/statements/statement/object_history.html"
    history_latest_first = True
    # The untranslated originals mirror one language, and the rest is bookkeeping: compare what editors write.
    compare_exclude = (
        *("title", "summary", "body", "slug", "version", "updated_at", "created_at"),
        *("text_edited_at_ar", "text_edited_at_en", "status_changes"),
    )

    def has_publish_permission(self, request):
        return request.user.has_perm(PUBLISH_PERMISSION)

    def get_inlines(self, request, obj):
        inlines = super().get_inlines(request, obj)
        if obj is None:
            return [inline for inline in inlines if inline.model is not StatusChange]
        return inlines

    # The change form.

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        before = getattr(request, "statement_before_restore", None)
        if before is None and obj is not None:
            before = {"status": obj.status, "publish_at": obj.publish_at}
        return type(form.__name__, (form,), {"user": request.user, "publication_before": before})

    def save_model(self, request, obj, form, change):
        before = form.publication_before
        old_status = before["status"] if before else None
        old_publish_at = before["publish_at"] if before else None
        super().save_model(request, obj, form, change)
        if publication_changed(old_status, old_publish_at, obj):
            record_status_change(obj, from_status=old_status, user=request.user)
            obj._status_note = status_note(old_status, obj)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._note_status_in_revision(obj, entry)
        return entry

    def log_change(self, request, obj, message):
        if getattr(request, "held_for_review", None) is not None:
            request.proposed_changes = message  # the entry is undone with the save; the proposal names it
        entry = super().log_change(request, obj, message)
        self._note_status_in_revision(obj, entry)
        return entry

    def _note_status_in_revision(self, obj, entry):
        note = getattr(obj, "_status_note", None)
        if note and reversion.is_active():
            reversion.set_comment(f"{entry.get_change_message()} {note}".strip())

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            statement = self.get_object(request, unquote(object_id))
            if statement is not None and statement.translation_is_stale:
                messages.warning(request, self._stale_translation_text(statement))
        view = super().change_view
        return self._held_for_review(request, object_id, lambda: view(request, object_id, form_url, extra_context))

    # Changes awaiting review: an Editor's save of a published (or scheduled) statement.

    def _held_for_review(self, request, object_id, view):
        """Run ``view`` (a change form or restore post); when the Editor's save must wait for a publisher,
        undo everything it wrote and keep what it would have stored as a change awaiting review instead.

        The save runs whole (form and inline validation, sanitising, keyword merges, the restore's rewind)
        so the proposal is exactly what a publisher's save would have stored; the published row, its
        search entry and its text-edited times are then as they were.
        """
        if request.method != "POST":
            return view()
        statement_id = unquote(object_id)
        live = Statement.objects.filter(pk=statement_id).values("status", "version").first()
        if live is None or not held_for_review(request.user, live["status"]):
            return view()
        request.held_for_review = set(SourceLink.objects.filter(statement_id=statement_id).values_list("pk", flat=True))
        try:
            with transaction.atomic(), public_content_unchanged():
                raise _Undo(view())
        except _Undo as undo:
            response = undo.response
        entries = getattr(request, "proposed_entries", None)
        if entries is None:
            return response  # the form came back with its errors: nothing was saved
        note = " ".join((_("Change awaiting review."), _change_text(getattr(request, "proposed_changes", "")))).strip()
        del request.held_for_review, request.proposed_entries
        try:
            pending = propose(
                statement_id,
                entries,
                user=request.user,
                base_version=live["version"],
                comment=note,
                replaces=request.proposed_over,
            )
        except ProposedMeanwhile:
            # Someone's proposal was recorded while this one was being made: posting again now meets the
            # form's check, which says so and shows the Editor's text back.
            return self._held_for_review(request, object_id, view)
        if pending is None:
            messages.info(request, _("Nothing was changed, so nothing awaits review."))
        else:
            self.log_change(request, pending.statement, note)
            messages.success(
                request,
                _(
                    "Your changes await a publisher’s review. Until a publisher publishes them, readers see the "
                    "published version."
                ),
            )
        return HttpResponseRedirect(reverse("admin:statements_statement_change", args=[quote(statement_id)]))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        known_sources = getattr(request, "held_for_review", None)
        if known_sources is not None:
            request.proposed_entries = snapshot(form.instance.pk, known_sources)
            request.proposed_over = form.cleaned_data.get("base_pending")
        elif change and can_publish(request.user):
            settle_if_published(form.instance, request.user)

    def response_change(self, request, obj):
        if getattr(request, "held_for_review", None) is not None:
            # This save is being undone and kept for review: no "changed successfully" message.
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            context["pending_change"] = self._pending_notice(request, obj)
        # The form takes the whole width (the Arabic and English versions side by side need it); the breadcrumbs
        # lead back, so the sidebar's list of every model is not drawn here.
        context["is_nav_sidebar_enabled"] = False
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _pending_notice(self, request, statement):
        pending = PendingChange.objects.filter(statement_id=statement.pk).select_related("proposed_by").first()
        if pending is None:
            return None
        proposed = Version.objects.get_for_object(statement).filter(revision_id=pending.revision_id).first()
        return {
            "pending": pending,
            "url": reverse("admin:statements_statement_pending", args=[quote(statement.pk)]),
            "compare_url": self._compare_url(statement, proposed),
            "edit_url": (
                reverse("admin:statements_statement_revision", args=[quote(statement.pk), proposed.pk])
                if proposed is not None
                else None
            ),
            "preview_url": Statement.objects.get(pk=statement.pk).get_absolute_url(),
            "outdated": pending.base_version != Statement.objects.get(pk=statement.pk).version,
        }

    def _compare_url(self, statement, proposed):
        published = published_version(statement)
        if published is None or proposed is None:
            return None
        url = reverse("admin:statements_statement_compare", args=[quote(statement.pk)])
        return f"{url}?version_id1={published.pk}&version_id2={proposed.pk}"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/pending/",
                self.admin_site.admin_view(self.pending_view),
                name=f"{info[0]}_{info[1]}_pending",
            ),
            *super().get_urls(),
        ]

    def pending_view(self, request, object_id):
        """The change awaiting review: who proposed it and when, links to compare and preview it, and (for
        publishers) publish it or discard it."""
        statement_id = unquote(object_id)
        statement = Statement.objects.filter(pk=statement_id).first() if statement_id.isdigit() else None
        if statement is None:
            raise Http404(_("No such statement."))
        if not self.has_view_or_change_permission(request, statement):
            raise PermissionDenied
        change_url = reverse("admin:statements_statement_change", args=[quote(statement.pk)])
        if request.method == "POST":
            if not self.has_publish_permission(request):
                raise PermissionDenied
            action = request.POST.get("action")
            if action not in ("publish", "discard"):
                return HttpResponseBadRequest(_("Choose to publish or to discard the change."))
            try:
                if action == "publish":
                    statement = publish_pending_change(statement.pk, request.user)
                    text = _("The change awaiting review is published: readers now see it.")
                else:
                    statement = discard_pending(statement.pk, request.user)
                    text = _("The change awaiting review is discarded: the published version stays.")
            except NothingPending:
                messages.warning(request, _("This statement has no change awaiting review any more."))
                return HttpResponseRedirect(change_url)
            self.log_change(request, statement, text)
            messages.success(request, text)
            return HttpResponseRedirect(change_url)
        notice = self._pending_notice(request, statement)
        if notice is None:
            messages.info(request, _("This statement has no change awaiting review."))
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Change awaiting review"),
            "opts": self.opts,
            "original": statement,
            "notice": notice,
            "change_url": change_url,
            "can_publish": self.has_publish_permission(request),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/statements/statement/pending_change.html", context)

    # Restoring an old revision.

    # The live state of a statement that is not stored (deleted): brought back, it is judged as a new one.
    _NOT_STORED = {"version": None, "status": None, "publish_at": None}

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # The restore form shows the rewound statement; the role rules and the version lock must still
        # judge the change against the live one.
        live = Statement.objects.filter(pk=unquote(object_id)).values("version", "status", "publish_at").first()
        request.statement_before_restore = live or self._NOT_STORED
        view = super().revision_view
        # An Editor's restore of a published statement waits for a publisher, as their save would.
        return self._held_for_review(request, object_id, lambda: view(request, object_id, version_id, extra_context))

    def recover_view(self, request, version_id, extra_context=None):
        # An editor cannot publish a statement by bringing back a deleted published one.
        request.statement_before_restore = self._NOT_STORED
        return super().recover_view(request, version_id, extra_context)

    def compare_view(self, request, object_id, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return super().compare_view(request, object_id, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        before = getattr(request, "statement_before_restore", None)
        if before is not None and before["version"] is not None and object_id is not None:
            # Rewinding restored the old lock counter too; put the live one back (inside the restore's
            # transaction) so a restore is a new version and a stale form still cannot be saved over it.
            Statement.objects.filter(pk=unquote(object_id)).update(version=before["version"])
        if before is not None and object_id is not None:
            self._follow_merged_keywords(request, unquote(object_id))
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleVersion:
            if request.method != "POST" or before is not None:
                raise
            # Another save took this version between the form's check and our write, and the whole save
            # rolled back. Checking the form again names the newer version and shows the editor's text back.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def _follow_merged_keywords(self, request, statement_id):
        followed = follow_merged_keywords(statement_id)
        if request.method != "GET":
            return  # the restore form already said so
        for old_name, target in followed:
            if target is None:
                text = _("The keyword “%(old)s” of this revision has since been deleted; it is left out.")
            else:
                text = _(
                    "The keyword “%(old)s” of this revision has since been merged into “%(new)s”; the restored "
                    "statement carries “%(new)s”."
                )
            messages.warning(request, text % {"old": old_name, "new": target})

    def history_view(self, request, object_id, extra_context=None):
        context = {
            "status_changes": StatusChange.objects.filter(statement_id=unquote(object_id)).select_related("changed_by"),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    # The list and its actions.

    def changelist_view(self, request, extra_context=None):
        # Skip VersionAdmin's one revision around the whole request: each statement a list action changes
        # gets a revision of its own, so restoring one statement never rewinds the others.
        context = {"has_change_permission": self.has_change_permission(request), **(extra_context or {})}
        return super(VersionAdmin, self).changelist_view(request, context)

    @admin.display(description=gettext_lazy("publication"), ordering="status")
    def publication_state(self, obj):
        return publication_label(obj)

    @admin.action(description=gettext_lazy("Publish now"), permissions=["publish"])
    def publish_statements(self, request, queryset):
        self._move(request, queryset, "publish")

    @admin.action(description=gettext_lazy("Unpublish (back to draft)"), permissions=["publish"])
    def unpublish_statements(self, request, queryset):
        self._move(request, queryset, "unpublish")

    @admin.action(description=gettext_lazy("Send back to draft (from review)"), permissions=["publish"])
    def send_back_to_draft(self, request, queryset):
        self._move(request, queryset, "send_back")

    def _move(self, request, queryset, move):
        if not self.has_publish_permission(request):
            raise PermissionDenied
        moved, skipped, busy = apply_move(move, list(queryset.values_list("pk", flat=True)), request.user)
        for statement, old_status in moved:
            self.log_change(request, statement, status_note(old_status, statement))
        done = {
            "publish": ngettext("%(count)d statement published.", "%(count)d statements published.", len(moved)),
            "unpublish": ngettext("%(count)d statement unpublished.", "%(count)d statements unpublished.", len(moved)),
            "send_back": ngettext(
                "%(count)d statement sent back to draft.", "%(count)d statements sent back to draft.", len(moved)
            ),
        }[move]
        if moved:
            self.message_user(request, done % {"count": len(moved)}, messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d statement left as it was: this action does not apply to its status.",
                    "%(count)d statements left as they were: this action does not apply to their status.",
                    len(skipped),
                )
                % {"count": len(skipped)},
                messages.WARNING,
            )
        if busy:
            self.message_user(
                request,
                ngettext(
                    "%(count)d statement was being saved by someone else and was left as it was; try again.",
                    "%(count)d statements were being saved by someone else and were left as they were; try again.",
                    len(busy),
                )
                % {"count": len(busy)},
                messages.ERROR,
            )

    # Writing figures on the change form.

    @admin.display(description=gettext_lazy("length"))
    def writing_figures(self, obj):
        if obj is None or obj.pk is None:
            return _("Word counts and reading times appear once the statement is saved.")
        rows = format_html_join(
            "",
            "<li>{}: {}</li>",
            ((LANGUAGE_NAMES[lang], self._length_in(obj, lang)) for lang in ("ar", "en")),
        )
        warning = ""
        if obj.translation_is_stale:
            warning = format_html(
                '<ul class="messagelist translation-warning"><li class="warning">{}</li></ul>',
                self._stale_translation_text(obj),
            )
        return format_html(
            '<ul class="writing-figures">{}</ul>{}<p class="help">{}</p>', rows, warning, _("As last saved.")
        )

    def _length_in(self, obj, lang):
        words = obj.word_count(lang)
        if not words:
            return _("not written yet")
        minutes = obj.reading_minutes(lang)
        return "{} · {}".format(
            ngettext("%(count)d word", "%(count)d words", words) % {"count": words},
            ngettext("about %(count)d minute to read", "about %(count)d minutes to read", minutes) % {"count": minutes},
        )

    def _stale_translation_text(self, obj):
        if obj.text_edited_at_en is None:
            return _(
                "The Arabic text was edited on %(ar)s, after the English translation was last written: "
                "check that the English version still matches."
            ) % {"ar": local_moment(obj.text_edited_at_ar)}
        return _(
            "The English version is older than the Arabic one: the Arabic text was edited on %(ar)s, the "
            "English on %(en)s. Check that the translation still matches."
        ) % {"ar": local_moment(obj.text_edited_at_ar), "en": local_moment(obj.text_edited_at_en)}
