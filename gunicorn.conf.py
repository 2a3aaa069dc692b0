"""gunicorn's settings for the container: no Server header, logs on standard error.

gunicorn names itself in a ``Server`` header on every response and offers no setting to stop it; the response
class is patched here, in the master, before any worker is forked.
"""

import os

from gunicorn.http import wsgi

workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
# Renaming a keyword re-indexes every statement carrying it within the request (docs/search.md has the figures):
# two minutes rather than gunicorn's 30 seconds, so such a save is never cut off halfway. Reads are cut off far
# sooner by the database's statement timeout (DATABASE_STATEMENT_TIMEOUT).
timeout = 120
accesslog = "-"
errorlog = "-"

_default_headers = wsgi.Response.default_headers


def _default_headers_without_server(self):
    return [header for header in _default_headers(self) if not header.lower().startswith("server:")]


wsgi.Response.default_headers = _default_headers_without_server
