from django.db import migrations, models


class Migration(migrations.Migration):
    """Kept apart from the merge of existing duplicates so PostgreSQL applies it in a fresh transaction."""

    dependencies = [
        ('statements', '0002_tag_redirects'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='tag',
            constraint=models.UniqueConstraint(condition=models.Q(('key_ar', ''), _negated=True), fields=('key_ar',), name='tag_unique_key_ar'),
        ),
        migrations.AddConstraint(
            model_name='tag',
            constraint=models.UniqueConstraint(condition=models.Q(('key_en', ''), _negated=True), fields=('key_en',), name='tag_unique_key_en'),
        ),
    ]
