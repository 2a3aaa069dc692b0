# Changes awaiting review (an Editor's edit of a public statement) and their record in the status history.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reversion', '0002_add_index_on_version_for_content_type_and_db'),
        ('statements', '0010_lead_images'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='statuschange',
            name='event',
            field=models.CharField(blank=True, choices=[('', 'Status changed'), ('pending_published', 'Change awaiting review published'), ('pending_discarded', 'Change awaiting review discarded')], default='', max_length=20, verbose_name='event'),
        ),
        migrations.CreateModel(
            name='PendingChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('proposed_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='proposed at')),
                ('base_version', models.PositiveIntegerField(verbose_name='based on version')),
                ('proposed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='proposed by')),
                ('revision', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='reversion.revision', verbose_name='revision')),
                ('statement', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='pending_change', to='statements.statement', verbose_name='statement')),
            ],
            options={
                'verbose_name': 'change awaiting review',
                'verbose_name_plural': 'changes awaiting review',
            },
        ),
    ]
