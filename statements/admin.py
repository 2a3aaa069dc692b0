from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin, TranslationAdmin
from reversion_compare.admin import CompareVersionAdmin

from . import admin_workflow
from .admin_forms import StatementAdminForm
from .models import SourceLink, Statement, Tag
from .revisions import register_revisions

# Before StatementAdmin is built: it would otherwise register Statement itself, following every inline.
register_revisions()


class SourceLinkInline(admin.TabularInline):
    model = SourceLink
    extra = 1
    fields = ("position", "publisher", "title", "url", "published_on")


@admin.register(Statement)
class StatementAdmin(admin_workflow.WorkflowAdminMixin, CompareVersionAdmin, TabbedDjangoJqueryTranslationAdmin):
    form = StatementAdminForm
    list_display = ("__str__", "published_on", "publication_state", "language_versions", "updated_at")
    list_filter = (admin_workflow.PublicationFilter, "published_on", "tags")
    date_hierarchy = "published_on"
    search_fields = ("title_ar", "title_en")
    autocomplete_fields = ("tags",)
    inlines = [SourceLinkInline, admin_workflow.StatusChangeInline]
    readonly_fields = ("writing_figures", "version")
    actions = ["publish_statements", "unpublish_statements", "send_back_to_draft"]
    fieldsets = (
        (None, {"fields": ("title", "summary", "body")}),
        (_("Length and translation"), {"fields": ("writing_figures",)}),
        (_("Publication"), {"fields": ("published_on", "status", "publish_at", "tags", "version", "base_version")}),
    )

    @admin.display(description=_("languages"))
    def language_versions(self, obj):
        return " · ".join(code.upper() for code in obj.languages) or "—"


@admin.register(Tag)
class TagAdmin(TranslationAdmin):
    list_display = ("__str__", "name_en", "slug", "statement_count")
    search_fields = ("name_ar", "name_en", "key_ar", "key_en", "slug")
    prepopulated_fields = {}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_count=Count("statements", distinct=True))

    @admin.display(description=_("statements"), ordering="statement_count")
    def statement_count(self, obj):
        return obj.statement_count
