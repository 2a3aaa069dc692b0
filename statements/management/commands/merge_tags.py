from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from statements.editorial.merge import merge_tag
from statements.models import Tag


class Command(BaseCommand):
    help = "Merge the keyword SOURCE_SLUG into TARGET_SLUG; the old slug redirects to the target for good."

    def add_arguments(self, parser):
        parser.add_argument("source_slug")
        parser.add_argument("target_slug")

    def handle(self, source_slug, target_slug, **options):
        source, target = self._tag(source_slug), self._tag(target_slug)
        if source.pk == target.pk:
            raise CommandError(_("Cannot merge the keyword “%(slug)s” into itself.") % {"slug": source_slug})
        moved = merge_tag(source, target)
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "Merged “%(source)s” into “%(target)s”: %(count)d statement moved.",
                    "Merged “%(source)s” into “%(target)s”: %(count)d statements moved.",
                    moved,
                )
                % {"source": source_slug, "target": target.slug, "count": moved}
            )
        )

    def _tag(self, slug):
        try:
            return Tag.objects.get(slug=slug)
        except Tag.DoesNotExist:
            raise CommandError(_("No keyword has the slug “%(slug)s”.") % {"slug": slug}) from None
