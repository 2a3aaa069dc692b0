from django.core.management.base import BaseCommand

from statements.search.index import BATCH_SIZE, rebuild


class Command(BaseCommand):
    help = "Rebuild the search index of every statement, in batches (after a bulk load or a restore)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args, batch_size, verbosity, **options):
        def progress(done, total):
            if verbosity > 1:
                self.stdout.write(f"{done}/{total}")

        done = rebuild(batch_size=max(1, batch_size), progress=progress)
        self.stdout.write(f"Search index rebuilt: {done} statements.")
