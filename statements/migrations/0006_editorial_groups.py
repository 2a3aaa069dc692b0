from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    ("statements", "add_statement"),
    ("statements", "change_statement"),
    ("statements", "view_statement"),
    ("statements", "add_tag"),
    ("statements", "change_tag"),
    ("statements", "view_tag"),
    ("statements", "add_sourcelink"),
    ("statements", "change_sourcelink"),
    ("statements", "delete_sourcelink"),
    ("statements", "view_sourcelink"),
    ("statements", "view_statuschange"),
]
PUBLISHER_PERMISSIONS = EDITOR_PERMISSIONS + [("statements", "publish_statement")]
GROUPS = {"Editors": EDITOR_PERMISSIONS, "Publishers": PUBLISHER_PERMISSIONS}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in codenames
        ]
        group.permissions.add(*permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("statements", "0005_editorial_workflow"),
    ]

    operations = [
        migrations.RunPython(create_groups, remove_groups),
    ]
