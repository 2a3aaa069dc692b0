"""The "merge keywords" action of the keyword changelist: pick the keyword to keep, confirm, merge."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from statements.editorial.merge import merge_tag


@admin.action(description=gettext_lazy("Merge selected keywords into one"), permissions=["merge"])
def merge_selected_tags(modeladmin, request, queryset):
    tags = sorted(
        queryset.annotate(statement_total=Count("statements", distinct=True)),
        key=lambda tag: (-tag.statement_total, tag.pk),
    )
    if len(tags) < 2:
        modeladmin.message_user(request, _("Select at least two keywords to merge."), messages.WARNING)
        return None
    by_pk = {str(tag.pk): tag for tag in tags}
    target = by_pk.get(request.POST.get("target", ""))
    if request.POST.get("post") == "yes" and target is not None:
        sources = [tag for tag in tags if tag.pk != target.pk]
        for source in sources:
            merge_tag(source, target, user=request.user)
        modeladmin.message_user(
            request,
            ngettext(
                "Merged %(count)d keyword into “%(target)s”; its old page now leads to it.",
                "Merged %(count)d keywords into “%(target)s”; their old pages now lead to it.",
                len(sources),
            )
            % {"count": len(sources), "target": target},
            messages.SUCCESS,
        )
        return None
    # First visit, or the confirmation came back without a valid choice: ask again, the most used first.
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Merge keywords"),
        "opts": modeladmin.model._meta,
        "tags": tags,
        "target": target or tags[0],
        "missing_target": request.POST.get("post") == "yes",
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "media": modeladmin.media,
    }
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(request, "admin/statements/tag/merge_confirmation.html", context)
