"""Settings for the test suite: the project's settings, with a fast hasher and no manifest needed."""

import os
import tempfile
from pathlib import Path

# The suite runs with production settings (DEBUG off), whatever the shell says.
os.environ["DEBUG"] = "0"
os.environ.setdefault("SECRET_KEY", "test-suite-only")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
# Tests that need a real Redis use a database of their own and flush only it: one per test worker
# (15, 14, …), so parallel workers never flush each other's.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
os.environ.setdefault("TEST_REDIS_URL", f"redis://127.0.0.1:6379/{15 - int(_worker or 0) % 8}")

from observatory.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments"},
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_SSL_REDIRECT = False
# Images the suite stores go to a folder of their own, never to the project's media folder.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="observatory-test-media-"))
# Serve static files from the finders: the suite never runs collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The admin tests sign in with force_login; the two-factor tests turn this on themselves.
REQUIRE_STAFF_2FA = False
# Addresses are the test client's own (no proxy in front).
TRUSTED_PROXY_COUNT = 0
# The test client's own address, which the suite's absolute URLs expect; tests of SITE_URL override it.
SITE_URL = "http://testserver"
SECURE_SSL_HOST = "testserver"
# Some tests travel days ahead with a signed-in client; the session expiry tests set a working day themselves.
STAFF_SESSION_IDLE_SECONDS = 60 * 60 * 24 * 30
