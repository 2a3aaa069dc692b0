from django.db import migrations, transaction

# The editorial admin at 100,000 statements (docs/editorial.md), PostgreSQL only:
#
# - statement_newest (published_on, id): the list's page of ids, newest first, read from the index alone
#   however deep the page (with the date alone PostgreSQL read every row before the page). SQLite's date
#   index already holds the row id.
# - statement_title_order: the list sorted by its title column (the Arabic title, else the English one,
#   statements/admin/columns.py) walks this index to its page instead of sorting every title.
# - statement_title_*_trgm: trigram indexes for the admin search's "title contains" part (Django's icontains
#   is UPPER(column) LIKE UPPER(pattern)), so a rare piece of a title is found without reading every title.
#   pg_trgm ships with PostgreSQL and is a trusted extension (the database's owner may create it); where it
#   cannot be created, the search still works and reads every title instead.
TITLE_INDEXES = {lang: f"statement_title_{lang}_trgm" for lang in ("ar", "en")}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE INDEX statement_newest ON statements_statement (published_on, id)")
    schema_editor.execute(
        "CREATE INDEX statement_title_order ON statements_statement "
        "((COALESCE(NULLIF(title_ar, ''), NULLIF(title_en, ''))), published_on DESC, id DESC)"
    )
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception as error:  # noqa: BLE001 - any refusal leaves the search without the index, not broken
        print(f"\n  pg_trgm could not be created ({error}); the admin's title search will read every title.")
        return
    for lang, name in TITLE_INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX {name} ON statements_statement USING gin (UPPER(title_{lang}::text) gin_trgm_ops)"
        )
    # The planner judges a title pattern by the statistics of the indexed expressions, gathered only by ANALYZE.
    schema_editor.execute("ANALYZE statements_statement")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in ("statement_newest", "statement_title_order", *TITLE_INDEXES.values()):
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0011_pending_changes"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes),
    ]
