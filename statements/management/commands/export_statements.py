from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.archive.export import dumps, export_document
from statements.images import exchange as images
from statements.models import Statement


class Command(BaseCommand):
    help = (
        "Write every statement, keyword and source as one JSON document (UTF-8, keys sorted, stable order). "
        "import_statements reads it back; see docs/export-format.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", metavar="FILE", help="Write to FILE instead of standard output.")

    def handle(self, *args, output=None, verbosity=1, **options):
        document = export_document()
        text = dumps(document)
        with_images = Statement.objects.exclude(lead_image="").only("lead_image")
        if not output:
            if with_images.exists():
                raise CommandError("Statements have images, which are written beside the document: use --output FILE.")
            self.stdout.write(text, ending="")
            return
        try:
            Path(output).write_text(text, encoding="utf-8", newline="\n")
            pictures = images.export_files(with_images, images.folder_beside(output))
        except (OSError, ValueError) as error:
            raise CommandError(f"cannot write {output}: {getattr(error, 'strerror', None) or error}") from None
        if verbosity:
            self.stdout.write(
                f"Exported {len(document['statements'])} statements and {len(document['tags'])} keywords to {output}"
                + (f", {pictures} images to {images.folder_beside(output)}." if pictures else ".")
            )
