from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin, TranslationAdmin

from .admin_direction import mark_language
from .models import SourceLink, Statement, Tag


class SourceLinkInline(admin.TabularInline):
    model = SourceLink
    extra = 1
    fields = ("position", "publisher", "title", "url", "published_on")
    # Sources are web pages: an address typed without a scheme is taken as https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Statement)
class StatementAdmin(TabbedDjangoJqueryTranslationAdmin):
    list_display = ("__str__", "published_on", "status", "language_versions", "updated_at")
    list_filter = ("status", "published_on", "tags")
    date_hierarchy = "published_on"
    search_fields = ("title_ar", "title_en")
    autocomplete_fields = ("tags",)
    inlines = [SourceLinkInline]
    fieldsets = (
        (None, {"fields": ("title", "summary", "body")}),
        (_("Publication"), {"fields": ("published_on", "status", "publish_at", "tags")}),
    )

    @admin.display(description=_("languages"))
    def language_versions(self, obj):
        return " · ".join(code.upper() for code in obj.languages) or "—"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return mark_language(db_field, super().formfield_for_dbfield(db_field, request, **kwargs))


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

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return mark_language(db_field, super().formfield_for_dbfield(db_field, request, **kwargs))
