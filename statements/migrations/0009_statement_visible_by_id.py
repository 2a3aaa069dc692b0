from django.db import migrations


# Search finds statements by id (from its index) and keeps the public ones newest first: with their status,
# publication moment and date beside the id, that check reads this index only, never the table. Measured at
# 100,000 statements: a word in a thousand statements went from 18 ms (the planner hashed every visible
# statement) to 5 ms, and `مرصد -داعش` (9,000 matches) from 47 ms to 38 ms. Related reading, which meets
# statements through their keywords, reads it too. SQLite plans its search differently and has no
# INCLUDE, so the index is PostgreSQL's alone.
def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX statement_visible_by_id ON statements_statement (id) INCLUDE (status, publish_at, published_on)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS statement_visible_by_id")


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0008_search_document"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index),
    ]
