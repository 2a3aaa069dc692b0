from django.core.management.base import BaseCommand, CommandError

from statements.images.renditions import make_renditions
from statements.models import Statement


class Command(BaseCommand):
    help = (
        "Make the renditions of every statement's lead image that are missing (after restoring the media files or "
        "moving them to another storage); --replace makes them all again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--replace", action="store_true", help="Make every rendition again, even existing ones.")

    def handle(self, *args, replace=False, **options):
        images = (
            Statement.objects.exclude(lead_image="")
            .order_by("lead_image", "lead_image_focus_x", "lead_image_focus_y")
            .values_list("lead_image", "lead_image_focus_x", "lead_image_focus_y")
            .distinct()
        )
        made, missing = 0, []
        done = set()
        for name, focus_x, focus_y in images:
            try:
                made += make_renditions(name, focus_x, focus_y, replace=replace and name not in done)
            except FileNotFoundError:
                missing.append(name)
            done.add(name)
        self.stdout.write(f"Renditions: {made} made for {len(done)} images.")
        if missing:
            raise CommandError(f"{len(missing)} images are missing from the storage: {', '.join(missing)}")
