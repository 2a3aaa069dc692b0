from django.contrib.auth.management import create_permissions
from django.db import migrations

# Merging keywords deletes the merged ones: publishers, who decide what the public sees, may do it (the
# admin asks for change and delete rights on keywords); editors propose keywords but do not merge them.
MERGE_PERMISSIONS = [("statements", "change_tag"), ("statements", "delete_tag")]


def grant_merging(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    publishers, _ = Group.objects.get_or_create(name="Publishers")
    publishers.permissions.add(
        *(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in MERGE_PERMISSIONS
        )
    )


def withdraw_merging(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    publishers = Group.objects.filter(name="Publishers").first()
    if publishers is not None:
        publishers.permissions.remove(
            *Permission.objects.filter(content_type__app_label="statements", codename="delete_tag")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0006_editorial_groups"),
    ]

    operations = [
        migrations.RunPython(grant_merging, withdraw_merging),
    ]
