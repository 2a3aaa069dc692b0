import uuid

from django.db import migrations, models


def give_each_statement_its_own_uuid(apps, schema_editor):
    Statement = apps.get_model("statements", "Statement")
    for statement in Statement.objects.only("pk").iterator():
        statement.uuid = uuid.uuid4()
        statement.save(update_fields=["uuid"])


class Migration(migrations.Migration):
    # Added nullable, filled row by row, then made unique: a single default would give every row the same value.

    dependencies = [
        ("statements", "0003_tag_unique_keys"),
    ]

    operations = [
        migrations.AddField(
            model_name="statement",
            name="uuid",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_each_statement_its_own_uuid, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="statement",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4,
                editable=False,
                help_text="Identifies the statement across exports and imports; never changes.",
                unique=True,
                verbose_name="permanent identifier",
            ),
        ),
    ]
