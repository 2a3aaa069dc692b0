"""Settings for Observatory, read from the environment with safe development defaults."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Development is the default (DEBUG on, a development key, SQLite); production sets DEBUG=0, as the Dockerfile does.
DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "development-only-not-secret"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The site's own address, the one source of every absolute URL (robots.txt, sitemap, feeds, canonical, Open Graph,
# JSON-LD): a request's Host header never reaches a page that may be cached and served to others. Production sets
# it; without it the first trusted origin (or the first allowed host over HTTPS) stands in, and the deploy check
# says so (observatory.W002).
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
SITE_URL_CONFIGURED = bool(SITE_URL)
if not SITE_URL:
    if DEBUG:
        SITE_URL = "http://127.0.0.1:8000"
    elif CSRF_TRUSTED_ORIGINS:
        SITE_URL = CSRF_TRUSTED_ORIGINS[0].rstrip("/")
    elif ALLOWED_HOSTS and ALLOWED_HOSTS[0].lstrip(".") not in ("", "*"):
        SITE_URL = f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
    else:
        SITE_URL = "https://localhost"

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its fields are patched in first.
    "modeltranslation",
    # Before the admin: its ready() registers the statements with django-reversion (after modeltranslation
    # has added the per-language fields) before the admin's autodiscovery builds the compare admin.
    "statements",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_prose_editor",
    "reversion",
    "reversion_compare",
    "corsheaders",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # The project's own templates, management commands and checks (no models).
    "observatory",
]

# The header middleware comes first so that every response carries the headers: health checks, static files,
# a refused Host and error pages included (SecurityHeadersMiddleware repeats SecurityMiddleware's for the responses
# that never reach it). Host validation comes before anything that reads the host or redirects.
MIDDLEWARE = [
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "observatory.security.headers.SecurityHeadersMiddleware",
    "observatory.health.HealthCheckMiddleware",
    "observatory.security.hosts.AllowedHostMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything that may answer on its own (whitenoise, CommonMiddleware's redirects): every API answer is open.
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so pages are kept once and compressed per reader; it leaves the admin alone.
    "statements.caching.compression.PublicGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the locale (a page's language is in its path), before what a page served from the cache does not need.
    "statements.caching.pages.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "observatory.security.two_factor.StaffTwoFactorMiddleware",
    "observatory.security.sessions.StaffSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "observatory.urls"
WSGI_APPLICATION = "observatory.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "observatory.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# A database that is down or hangs must not hold a worker: connecting gives up after DATABASE_CONNECT_TIMEOUT
# seconds and a statement after DATABASE_STATEMENT_TIMEOUT milliseconds (PostgreSQL), and the reader gets a 503
# with Retry-After (observatory/errors.py). manage.py (imports, index rebuilds) runs without the statement limit.
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
DATABASE_STATEMENT_TIMEOUT = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "10000"))
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    _pg_options = DATABASES["default"].setdefault("OPTIONS", {})
    _pg_options.setdefault("connect_timeout", DATABASE_CONNECT_TIMEOUT)
    if DATABASE_STATEMENT_TIMEOUT:
        _pg_options.setdefault("options", f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT}")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# A Redis that is down or slow answers as an empty cache: pages come from the database and a log line says so
# (observatory/security/cache.py). The short socket timeouts keep a hung Redis from holding a request.
CACHE_SOCKET_TIMEOUT = float(os.environ.get("CACHE_SOCKET_TIMEOUT", "0.25"))
# "fragments" holds pieces of pages kept by what they show (statements/caching/fragments.py); without Redis it is
# a memory of its own, large enough for every card of a large archive in both languages (a card is about 1 KB).
if REDIS_URL:
    _redis = {
        "BACKEND": "observatory.security.cache.DegradingRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": CACHE_SOCKET_TIMEOUT, "socket_timeout": CACHE_SOCKET_TIMEOUT},
    }
    CACHES = {"default": _redis, "fragments": {**_redis, "KEY_PREFIX": "fragment"}}
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "fragments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "fragments",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
    }
# How long a drawn fragment is kept (its key changes whenever what it shows does); 0 draws every one every time.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "0" if DEBUG else str(24 * 60 * 60)))

# Whole public pages for anonymous readers (statements/caching/pages.py, docs/caching.md): kept in the cache above
# until the archive changes (at most PAGE_CACHE_SECONDS; 0 renders every page every time) and sent with
# Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE, stale-while-revalidate=… for a proxy or CDN in front.
# In development (DEBUG on) nothing is kept unless asked, so an edited template shows on the next request.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0" if DEBUG else "300"))
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "60"))
PAGE_CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("PAGE_CACHE_STALE_WHILE_REVALIDATE", "30"))

# Sessions live in the database so any web instance can serve any request.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# A staff session ends after a working day without a request (observatory/security/sessions.py).
STAFF_SESSION_IDLE_SECONDS = int(os.environ.get("STAFF_SESSION_IDLE_SECONDS", str(10 * 60 * 60)))

# Staff logins: django-axes locks an account, and separately an address, after AXES_FAILURE_LIMIT failed logins
# for AXES_COOLOFF_HOURS; a superuser unlocks sooner in the admin (Access attempts) or with `axes_reset_username`.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_CLIENT_IP_CALLABLE = "observatory.security.clients.client_ip"
# Logged logins name who and from where (never a password: axes does not log it).
AXES_SENSITIVE_PARAMETERS = []
# Addresses come from X-Forwarded-For only through this many trusted proxies (the TLS proxy in front); 0: the
# peer's address. Rate limits and login lockouts count per address, so this must match the deployment.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0" if DEBUG else "1"))

# Two factors for staff (django-otp): a TOTP app, with single-use backup codes. Required for publishers and
# superusers when REQUIRE_STAFF_2FA is on (the default with DEBUG off); any staff member may enrol.
REQUIRE_STAFF_2FA = env_bool("REQUIRE_STAFF_2FA", not DEBUG)
OTP_TOTP_ISSUER = "Observatory"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# Only what Django's Arabic locale leaves out (the date-and-time formats); everything else is Django's.
FORMAT_MODULE_PATH = ["observatory.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Africa/Cairo")
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "ar"
MODELTRANSLATION_LANGUAGES = ("ar", "en")
# Fallbacks are decided per block in the templates (with lang/dir marks), not silently by the ORM.
MODELTRANSLATION_ENABLE_FALLBACKS = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# The public JSON API under /api/v1/ (statements/api/): read-only and anonymous, so open to any origin
# without credentials, and limited per client through the shared cache (429 with Retry-After past the limit).
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "120/minute")
# Number of proxies in front of the site that append to X-Forwarded-For: the client is the address before them.
API_NUM_PROXIES = int(os.environ["API_NUM_PROXIES"]) if os.environ.get("API_NUM_PROXIES") else None
CORS_URLS_REGEX = r"^/api/v1/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "if-none-match"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After", "Link"]
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["statements.api.renderers.UTF8JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "statements.api.renderers.AlwaysJSON",
    "DEFAULT_THROTTLE_CLASSES": ["statements.api.throttling.PerClientThrottle"],
    "NUM_PROXIES": API_NUM_PROXIES,
    "EXCEPTION_HANDLER": "statements.api.problems.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_VERSIONING_CLASS": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Observatory API",
    "DESCRIPTION": (
        "The public statements of the observatory, in Arabic and English, with their dates, keywords and sources. "
        "Read-only and anonymous; errors are RFC 9457 problem details."
    ),
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The documentation page's scripts and styles ship with the site: it loads nothing from another host.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "supportedSubmitMethods": ["get"]},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "statements.api.schema.add_response_headers",
    ],
}

# Uploaded images (lead pictures and their renditions), saved through the default storage above. In
# development `make run` serves them from MEDIA_ROOT; production serves MEDIA_URL from the web server or from
# S3-compatible storage (docs/images.md), as whitenoise serves static files only.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
# Or S3-compatible object storage (django-storages), when a bucket is named: every instance then shares the
# same files. The keys come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment (boto3 reads them).
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_STORAGE_BUCKET_NAME = MEDIA_S3_BUCKET
    AWS_S3_ENDPOINT_URL = os.environ.get("MEDIA_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("MEDIA_S3_REGION") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None
    AWS_LOCATION = os.environ.get("MEDIA_S3_PREFIX", "media")
    # Public pictures at stable addresses (no signed query strings), which link previews and feed readers keep.
    AWS_QUERYSTRING_AUTH = False
    AWS_DEFAULT_ACL = None
    # Names are chosen from the content and sizes, so a file never changes: caches may keep it for good.
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=31536000, immutable"}

SITE_NAME = _("Al-Azhar Observatory for Combating Extremism")

# Size limits (docs/import.md). A statement's body and summary, in characters, for the admin and every
# import alike: a long statement runs to a few thousand words, so the defaults leave ample room while
# refusing a whole book pasted or imported by mistake.
STATEMENT_MAX_BODY_CHARS = int(os.environ.get("STATEMENT_MAX_BODY_CHARS", "200000"))
STATEMENT_MAX_SUMMARY_CHARS = int(os.environ.get("STATEMENT_MAX_SUMMARY_CHARS", "3000"))
# Files import_statements reads, in bytes, refused before they are read: a page saved from the old site
# holds one statement (a few kilobytes); an export holds the whole archive.
IMPORT_MAX_PAGE_BYTES = int(os.environ.get("IMPORT_MAX_PAGE_BYTES", str(1024 * 1024)))
IMPORT_MAX_EXPORT_BYTES = int(os.environ.get("IMPORT_MAX_EXPORT_BYTES", str(1024 * 1024 * 1024)))

# Security headers, on every response (observatory/security/headers.py adds the last two and the admin's needs).
# Public pages run no inline script, so their cached HTML needs no per-response nonce; JSON-LD is data, not script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "report-uri": "/csp-report/",
    },
}
SECURE_REDIRECT_EXEMPT = [r"^healthz/$", r"^readyz/$"]
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Per-client limits, counted in the shared cache: requests a minute before a 429 with Retry-After. Generous for
# a reader (a search every two seconds), short of what a scraper needs. 0 turns a limit off.
RATE_LIMITS = {
    "search": int(os.environ.get("RATE_LIMIT_SEARCH", "30")),
    "feeds": int(os.environ.get("RATE_LIMIT_FEEDS", "60")),
    "csp-report": int(os.environ.get("RATE_LIMIT_CSP_REPORTS", "10")),
}

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Plain HTTP moves to the site's own address, whatever Host the request named.
    SECURE_SSL_HOST = SITE_URL.split("://", 1)[-1]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # The admin's language form sets this cookie too: like the others it only travels over HTTPS.
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# One JSON object a line on standard error (observatory/security/logs.py); a stack trace stays inside its line.
# Logins (django-axes) and cache outages are logged at INFO and WARNING whatever LOG_LEVEL says.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "observatory.security.logs.JsonLineFormatter"}},
    "filters": {"quiet_axes": {"()": "observatory.security.logs.QuietAxes"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["quiet_axes"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "axes": {"level": "INFO"},
        "observatory": {"level": "INFO"},
    },
}
