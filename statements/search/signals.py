"""Keep the search index current: a changed statement, tag list or tag name is searchable at once."""

from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete, pre_save
from django.dispatch import receiver

from statements.models import Statement, Tag
from statements.search.index import index_statements, refresh_statistics, reindex, remove_statements


@receiver(post_save, sender=Statement, dispatch_uid="search_statement_saved")
def statement_saved(sender, instance, raw=False, **kwargs):
    # Raw saves (fixtures, restored revisions) are indexed too: the index reads the row back.
    reindex([instance.pk])


@receiver(post_delete, sender=Statement, dispatch_uid="search_statement_deleted")
def statement_deleted(sender, instance, **kwargs):
    remove_statements([instance.pk])


@receiver(m2m_changed, sender=Statement.tags.through, dispatch_uid="search_tags_changed")
def tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:
        if action in {"post_add", "post_remove", "post_clear"}:
            reindex([instance.pk])
        return
    # tag.statements.add/remove/clear: the statements on the other side changed.
    if action == "pre_clear":
        instance._search_cleared = list(instance.statements.values_list("pk", flat=True))
    elif action in {"post_add", "post_remove"}:
        reindex(pk_set or ())
    elif action == "post_clear":
        reindex(getattr(instance, "_search_cleared", ()))


def _names(tag):
    return (tag.name_ar, tag.name_en)


@receiver(pre_save, sender=Tag, dispatch_uid="search_tag_saving")
def tag_saving(sender, instance, raw=False, **kwargs):
    old = Tag.objects.filter(pk=instance.pk).values_list("name_ar", "name_en").first() if instance.pk else None
    instance._search_old_names = old


@receiver(post_save, sender=Tag, dispatch_uid="search_tag_saved")
def tag_saved(sender, instance, created, **kwargs):
    # Only a rename changes what finds the tag's statements; a tag may carry thousands of them.
    old = getattr(instance, "_search_old_names", None)
    if not created and old is not None and tuple(old) != _names(instance):
        reindex(instance.statements.values_list("pk", flat=True), head_only=True)


@receiver(pre_delete, sender=Tag, dispatch_uid="search_tag_deleting")
def tag_deleting(sender, instance, **kwargs):
    instance._search_statements = list(instance.statements.values_list("pk", flat=True))


@receiver(post_delete, sender=Tag, dispatch_uid="search_tag_deleted")
def tag_deleted(sender, instance, **kwargs):
    reindex(getattr(instance, "_search_statements", ()), head_only=True)


@receiver(post_migrate, dispatch_uid="search_index_after_migrate")
def index_after_migrate(sender, app_config, using, plan=None, verbosity=1, stdout=None, **kwargs):
    """Index the statements the index lacks once ``migrate`` has applied something.

    A database that held statements before the search migration has none of them indexed, and a
    migration cannot run the indexer (it reads the current models). Saves index everything after that,
    so on later runs nothing is missing and this is one query. Skipped when the run stopped short of
    the latest migration (``migrate statements 0007``): the current models may not match the tables.
    """
    if app_config.label != "statements" or not plan:
        return
    connection = connections[using]
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return
    missing = list(Statement.objects.using(using).filter(search_document__isnull=True).values_list("pk", flat=True))
    if not missing:
        return
    done = index_statements(missing)
    refresh_statistics()
    if verbosity and stdout is not None:
        stdout.write(f"Search index: {done} statements indexed.\n")
