from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def production_database(app_configs, **kwargs):
    """Production runs on PostgreSQL: an unset DATABASE_URL silently means an SQLite file in the container."""
    engine = settings.DATABASES["default"]["ENGINE"]
    if not settings.DEBUG and engine.endswith("sqlite3"):
        return [
            Warning(
                "The database is SQLite while DEBUG is off.",
                hint="Set DATABASE_URL to the production PostgreSQL database (postgres://…).",
                id="observatory.W001",
            )
        ]
    return []
