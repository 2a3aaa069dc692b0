from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = _("Statements")

    def ready(self):
        # Receivers are declared with ``@receiver`` where they work; importing the modules connects them.
        from observatory import checks  # noqa: F401
        from statements.caching import generation  # noqa: F401
        from statements.editorial.revisions import register_revisions
        from statements.search import signals  # noqa: F401

        register_revisions()
