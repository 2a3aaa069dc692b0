from django.contrib import admin
from django.db import IntegrityError, models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin, TranslationAdmin
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
from statements.admin.widgets import BodyEditorWidget, mark_language
from statements.models import SourceLink, Statement, Tag


class SourceLinkInline(admin.TabularInline):
    model = SourceLink
    extra = 1
    fields = ("position", "publisher", "title", "url", "published_on")
    # Sources are web pages: an address typed without a scheme is taken as https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Statement)
class StatementAdmin(
    StatementListMixin,
    ChangeFormLoadingMixin,
    StatementTitleColumn,
    admin_workflow.WorkflowAdminMixin,
    CompareVersionAdmin,
    TabbedDjangoJqueryTranslationAdmin,
):
    form = StatementAdminForm
    list_display = ("display_title", "published_on", "publication_state", "language_versions", "updated_at")
    list_filter = (admin_workflow.PublicationFilter, admin_workflow.PendingChangeFilter, "published_on", KeywordFilter)
    date_hierarchy = "published_on"
    autocomplete_fields = ("tags",)
    inlines = [SourceLinkInline, admin_workflow.StatusChangeInline]
    readonly_fields = ("writing_figures", "version")
    actions = ["publish_statements", "unpublish_statements", "send_back_to_draft"]
    fieldsets = (
        (None, {"fields": ("title", "summary", "body")}),
        (_("Length and translation"), {"fields": ("writing_figures",)}),
        (
            _("Publication"),
            {"fields": ("published_on", "status", "publish_at", "tags", "version", "base_version", "base_pending")},
        ),
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = mark_language(db_field, super().formfield_for_dbfield(db_field, request, **kwargs))
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
