from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = _("Statements")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from . import checks  # noqa: F401
        from .content_cache import content_changed
        from .models import Statement, Tag

        for model in (Statement, Tag):
            post_save.connect(content_changed, sender=model, dispatch_uid=f"content_{model.__name__}_saved")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"content_{model.__name__}_deleted")
        m2m_changed.connect(content_changed, sender=Statement.tags.through, dispatch_uid="content_tags_changed")

        from . import search_signals  # noqa: F401
