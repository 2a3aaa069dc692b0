# Joins the changes awaiting review (0011) and the admin search index (0012), both made on 0009.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('statements', '0011_pending_changes'),
        ('statements', '0012_admin_search'),
    ]

    operations = [
    ]
