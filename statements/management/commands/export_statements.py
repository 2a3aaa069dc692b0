from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.archive.export import dumps, export_document


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
        if not output:
            self.stdout.write(text, ending="")
            return
        try:
            Path(output).write_text(text, encoding="utf-8", newline="\n")
        except OSError as error:
            raise CommandError(f"cannot write {output}: {error.strerror or error}") from None
        if verbosity:
            self.stdout.write(
                f"Exported {len(document['statements'])} statements and {len(document['tags'])} keywords to {output}."
            )
