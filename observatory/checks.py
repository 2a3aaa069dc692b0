from urllib.parse import urlsplit

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


@register(deploy=True)
def site_address(app_configs, **kwargs):
    """Absolute URLs come from SITE_URL: production names its address rather than leaning on a fallback."""
    if settings.DEBUG:
        return []
    warnings = []
    parts = urlsplit(settings.SITE_URL)
    if not settings.SITE_URL_CONFIGURED:
        warnings.append(
            Warning(
                f"SITE_URL is not set; absolute URLs use {settings.SITE_URL}.",
                hint="Set SITE_URL to the public address, e.g. https://observatory.example.",
                id="observatory.W002",
            )
        )
    elif parts.scheme != "https" or not parts.netloc or parts.path not in ("", "/"):
        warnings.append(
            Warning(
                f"SITE_URL {settings.SITE_URL!r} is not an https:// address without a path.",
                hint="Set SITE_URL to the public address, e.g. https://observatory.example.",
                id="observatory.W003",
            )
        )
    return warnings
