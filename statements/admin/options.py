from django.contrib import admin
from django.db import IntegrityError, models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from reversion_compare.admin import CompareVersionAdmin

from statements.admin import workflow as admin_workflow
from statements.admin.changelist import (
    LINKS_PER_TAG,
    KeywordChangeList,
    KeywordFilter,
    StatementListMixin,
    written_languages,
)
from statements.admin.columns import StatementTitleColumn, TagNameColumns
from statements.admin.forms import StatementAdminForm
from statements.admin.loading import ChangeFormLoadingMixin
from statements.admin.merge import merge_selected_tags
from statements.admin.widgets import BodyEditorWidget, label_parts, mark_language
from statements.images.forms import LeadImageField
from statements.models import SourceLink, Statement, Tag


class SourceLinkInline(admin.TabularInline):
    model = SourceLink
    extra = 1
    fields = ("position", "publisher", "title", "url", "published_on")
    # Sources are web pages: an address typed without a scheme is taken as https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # A table's cells have no <label>: each field is named after its column for screen readers.
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            field.widget.attrs.setdefault("aria-label", field.label)
        return field


@admin.register(Statement)
class StatementAdmin(
    StatementListMixin,
    ChangeFormLoadingMixin,
    StatementTitleColumn,
    admin_workflow.WorkflowAdminMixin,
    CompareVersionAdmin,
    TranslationAdmin,
):
    # One switch for the whole form (Arabic, English, or both side by side) instead of modeltranslation's
    # per-field tabs: templates/admin/statements/statement/change_form.html and js/admin_translation_view.js.
    form = StatementAdminForm
    compare_template = "admin/statements/statement/compare.html"

    class Media:
        js = ["js/admin_translation_view.js", "js/admin_select2_labels.js"]

    list_display = ("display_title", "published_on", "publication_state", "language_versions", "updated_at")
    list_filter = (admin_workflow.PublicationFilter, admin_workflow.PendingChangeFilter, "published_on", KeywordFilter)
    date_hierarchy = "published_on"
    autocomplete_fields = ("tags",)
    inlines = [SourceLinkInline, admin_workflow.StatusChangeInline]
    readonly_fields = ("writing_figures", "version")
    actions = ["publish_statements", "unpublish_statements", "send_back_to_draft"]
    fieldsets = (
        (None, {"fields": ("title", "summary", "body")}),
        (
            _("Lead image"),
            {
                "fields": (
                    "lead_image",
                    "lead_image_alt",
                    "lead_image_caption",
                    "lead_image_credit",
                    ("lead_image_focus_x", "lead_image_focus_y"),
                )
            },
        ),
        (_("Length and translation"), {"fields": ("writing_figures",)}),
        (
            _("Publication"),
            {"fields": ("published_on", "status", "publish_at", "tags", "version", "base_version", "base_pending")},
        ),
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "lead_image":
            kwargs["form_class"] = LeadImageField
        field = label_parts(mark_language(db_field, super().formfield_for_dbfield(db_field, request, **kwargs)))
        if db_field.name in ("body_ar", "body_en"):
            # After modeltranslation has set its tab classes on the widget: keep them on the editor.
            field.widget = BodyEditorWidget(db_field.language, attrs=field.widget.attrs)
        return field

    @admin.display(description=_("languages"))
    def language_versions(self, obj):
        return " · ".join(code.upper() for code in written_languages(obj)) or "—"


@admin.register(Tag)
class TagAdmin(TagNameColumns, TranslationAdmin):
    list_display = ("display_name", "display_name_en", "slug", "statement_count")
    search_fields = ("name_ar", "name_en", "key_ar", "key_en", "slug")
    prepopulated_fields = {}
    actions = [merge_selected_tags]

    def get_changelist(self, request, **kwargs):
        return KeywordChangeList

    def has_merge_permission(self, request):
        # A merge deletes keywords: it needs both rights (the action's own permission list means either one).
        return self.has_change_permission(request) and self.has_delete_permission(request)

    @admin.display(description=_("statements"), ordering=LINKS_PER_TAG)
    def statement_count(self, obj):
        # Counted once per change to the archive (KeywordChangeList), not per row or per request.
        return obj.statement_count

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return mark_language(db_field, super().formfield_for_dbfield(db_field, request, **kwargs))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except IntegrityError:
            if request.method != "POST":
                raise
            # Another editor saved the same keyword between our check and our write, and the database
            # refused ours (its whole save rolled back). Their keyword is committed now: checking the form
            # again names it, as for any duplicate; a clash of generated slugs just gets a fresh one.
            return super().changeform_view(request, object_id, form_url, extra_context)
