"""The statement change form: the version it was based on, and the publication rules of the editor's role."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from statements.editorial.merge import merged_into
from statements.editorial.pending import held_for_review
from statements.editorial.workflow import can_publish, refused_changes
from statements.images.forms import apply_lead_image
from statements.models import PendingChange, Statement, Tag


def _to_second(value):
    # The admin widgets show whole seconds: a stored value with microseconds is unchanged if only they differ.
    return value.replace(microsecond=0) if value is not None else None


class StatementAdminForm(forms.ModelForm):
    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    # The change awaiting review (its revision) when the form was opened: an Editor's save replaces it, so
    # it must be the one the Editor saw.
    base_pending = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    # Set per request by StatementAdmin.get_form: who is saving, and the publication state before this edit
    # (for a restore, the live state, not the rewound one the form shows).
    user = None
    publication_before = None

    class Meta:
        model = Statement
        fields = "__all__"  # noqa: DJ007 - the admin narrows this to the fields of its fieldsets

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["base_version"].initial = self.instance.version
            self.fields["base_pending"].initial = self._pending_revision()
        if "tags" in self.fields:
            self.fields["tags"].error_messages["invalid_choice"] = _(
                "The keyword %(value)s no longer exists: it was deleted after this form was opened. "
                "Choose the keywords again."
            )
            if self.is_bound:
                self._follow_merged_tags()
        if self.user is not None and not can_publish(self.user):
            if "status" in self.fields:
                self.fields["status"].help_text = _(
                    "You can keep a statement as a draft or send it to review; a publisher publishes it."
                )
            if "publish_at" in self.fields:
                self.fields["publish_at"].help_text = _("Only publishers set or change the publication time.")

    def _follow_merged_tags(self):
        """A keyword merged away while this form was open stands for the keyword it joined, as the merge meant."""
        name = self.add_prefix("tags")
        if not hasattr(self.data, "getlist"):
            return
        posted = self.data.getlist(name)
        ids = {value for value in posted if str(value).isdigit()}
        existing = {str(pk) for pk in Tag.objects.filter(pk__in=ids).values_list("pk", flat=True)}
        if ids <= existing:
            return
        followed = []
        for value in posted:
            target = merged_into(int(value)) if value in ids - existing else None
            followed.append(str(target.pk) if target is not None else value)
        self.data = self.data.copy()
        self.data.setlist(name, list(dict.fromkeys(followed)))

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self._check_version(cleaned.get("base_version"))
            self._check_pending(cleaned.get("base_pending"))
        self._check_role(cleaned)
        apply_lead_image(self, cleaned)
        return cleaned

    def _pending_revision(self):
        return PendingChange.objects.filter(statement_id=self.instance.pk).values_list("revision_id", flat=True).first()

    def _check_pending(self, base):
        before = self.publication_before
        if not before or not held_for_review(self.user, before["status"]):
            return  # this save goes live; a change awaiting review stays as it is
        if self._pending_revision() != base:
            raise ValidationError(
                _(
                    "Someone else proposed a change to this statement while you were editing it, and your save "
                    "would replace it. Your changes have NOT been saved; they are still in the form below. Copy "
                    "what you need, open the statement again to see the change awaiting review, and make your "
                    "changes there."
                ),
                code="stale_pending",
            )

    def _check_version(self, base):
        # Only the friendly early answer: the lock itself is the model's conditional save (``Statement.save``),
        # which guards every writer; a save that slips in after this check is caught there.
        current = Statement.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
        if base is None:
            raise ValidationError(
                _("This form does not say which version of the statement it edits. Reload the page and try again."),
                code="no_version",
            )
        if current is not None and base != current:
            raise ValidationError(
                _(
                    "Someone else saved this statement while you were editing it (you started from version "
                    "%(base)s; it is now at version %(current)s). Your changes have NOT been saved; they are "
                    "still in the form below. Copy what you need, open the statement again to see the current "
                    "text, and make your changes there."
                ),
                code="stale",
                params={"base": base, "current": current},
            )
        self.instance.version = base

    def _check_role(self, cleaned):
        before = self.publication_before
        old_status = before["status"] if before else None
        old_publish_at = before["publish_at"] if before else None
        new_status = cleaned.get("status", old_status)
        new_publish_at = cleaned.get("publish_at", old_publish_at) if "publish_at" in self.fields else old_publish_at
        publish_at_changed = _to_second(new_publish_at) != _to_second(old_publish_at)
        if not publish_at_changed and "publish_at" in cleaned:
            cleaned["publish_at"] = old_publish_at  # keep the stored moment exact, not cut to the second
        errors = refused_changes(
            self.user, old_status=old_status, new_status=new_status, publish_at_changed=publish_at_changed
        )
        for field, message in errors.items():
            self.add_error(field if field in self.fields else None, message)
