import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from statements.archive.importer import Importer, Outcome, collect_files
from statements.models import Statement
from statements.search.index import deferred_indexing

BATCH_SIZE = 100


class Command(BaseCommand):
    help = (
        "Import statements from pages saved from the old website (Arabic or English, UTF-8 or Windows-1256) "
        "and from files written by export_statements. PATH may be a file or a folder (read recursively). "
        "Importing the same file again updates its statement; each file is imported on its own."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="A file, or a folder read recursively.")
        parser.add_argument(
            "--status",
            choices=Statement.Status.values,
            default=Statement.Status.PUBLISHED,
            help="Status of statements created from old-site pages (default: published). "
            "Updates keep the status editors gave; exports carry their own.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Read and report everything, write nothing.")

    def handle(self, *args, paths, status, dry_run, verbosity, **options):
        if status not in Statement.Status.values:
            raise CommandError(f"unknown status {status!r}; choose one of {', '.join(Statement.Status.values)}")
        files, missing = collect_files(paths)
        outcomes = [Outcome(path=str(path), error="no such file or folder") for path in missing]
        for outcome in outcomes:
            self._report(outcome, False)
        importer = Importer(status=status, dry_run=dry_run, defer_history=True)
        progress = Progress(self.stderr, len(files)) if self.stderr.isatty() and verbosity else None
        listing = dry_run or verbosity >= 2
        for first in range(0, len(files), BATCH_SIZE):
            # Each file is a savepoint of its own inside a batch; committing per batch rather than per file
            # spares a disk sync per file. An interrupted run loses at most one batch, which running the
            # import again brings in. The batch's statements are indexed for search together, before it commits.
            with transaction.atomic(), deferred_indexing():
                for done, path in enumerate(files[first : first + BATCH_SIZE], first + 1):
                    outcome = importer.import_file(path)
                    outcomes.append(outcome)
                    if progress and (outcome.error or outcome.warnings or listing):
                        progress.clear()
                    self._report(outcome, listing)
                    if progress:
                        progress.show(done)
                importer.save_history()
        if progress:
            progress.clear()

        total = Outcome(path="")
        for outcome in outcomes:
            for name in ("imported", "updated", "unchanged", "new_tags"):
                setattr(total, name, getattr(total, name) + getattr(outcome, name))
        failed = sum(1 for outcome in outcomes if outcome.error)
        counts = (
            f"{total.imported} imported, {total.updated} updated, {total.unchanged} unchanged, "
            f"{failed} skipped; {total.new_tags} new keywords"
        )
        if dry_run:
            self.stdout.write(f"Dry run, nothing was written. Would have: {counts}.")
        else:
            self.stdout.write(f"Statements: {counts}.")
        if failed:
            raise CommandError(f"{failed} of {len(outcomes)} files could not be imported (listed above).", returncode=1)

    def _report(self, outcome, listing):
        if outcome.error:
            self.stderr.write(f"skipped {outcome.path}: {outcome.error}")
            return
        for warning in outcome.warnings:
            self.stderr.write(f"note {outcome.path}: {warning}", style_func=self.style.WARNING)
        if not listing:
            return
        parts = [
            f"{n} {label}"
            for n, label in (
                (outcome.imported, "new"),
                (outcome.updated, "updated"),
                (outcome.unchanged, "unchanged"),
            )
            if n
        ]
        details = "; ".join(outcome.notes)
        self.stdout.write(f"{outcome.path}: {', '.join(parts)}" + (f" ({details})" if details else ""))


class Progress:
    """A one-line counter on a terminal, redrawn at most ten times a second."""

    def __init__(self, stream, total):
        self.stream, self.total, self.last = stream, total, 0.0

    def show(self, done):
        now = time.monotonic()
        if done == self.total or now - self.last >= 0.1:
            self.last = now
            self.stream.write(f"\r{done}/{self.total} files", style_func=plain, ending="")
            self.stream.flush()

    def clear(self):
        self.stream.write("\r\x1b[K", style_func=plain, ending="")


def plain(text):
    # Standard error is styled as an error on a terminal; the counter is not one.
    return text
