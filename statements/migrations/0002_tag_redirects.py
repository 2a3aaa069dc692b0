import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Q


def merge_existing_duplicates(apps, schema_editor):
    """Fold keywords that share a normalised name into the oldest one, so the unique keys can be added.

    The old slugs redirect to the keyword kept, as a merge in the admin would.
    """
    Tag = apps.get_model("statements", "Tag")
    TagRedirect = apps.get_model("statements", "TagRedirect")
    for keeper in Tag.objects.order_by("pk").iterator():
        if not Tag.objects.filter(pk=keeper.pk).exists():
            continue
        same = Q()
        if keeper.key_ar:
            same |= Q(key_ar=keeper.key_ar)
        if keeper.key_en:
            same |= Q(key_en=keeper.key_en)
        if not same:
            continue
        for duplicate in Tag.objects.filter(same, pk__gt=keeper.pk):
            for statement in duplicate.statements.all():
                statement.tags.add(keeper)
                statement.tags.remove(duplicate)
            TagRedirect.objects.filter(tag=duplicate).update(tag=keeper)
            TagRedirect.objects.update_or_create(old_slug=duplicate.slug, defaults={"tag": keeper})
            duplicate.delete()


class Migration(migrations.Migration):

    dependencies = [
        ('statements', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='TagRedirect',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('old_slug', models.SlugField(allow_unicode=True, max_length=220, unique=True, verbose_name='old slug')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='redirects', to='statements.tag', verbose_name='keyword')),
            ],
            options={
                'verbose_name': 'keyword redirect',
                'verbose_name_plural': 'keyword redirects',
                'ordering': ['old_slug'],
            },
        ),
        migrations.RunPython(merge_existing_duplicates, migrations.RunPython.noop),
    ]
