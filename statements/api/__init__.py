"""The public, read-only JSON API under ``/api/v1/``: published statements and keywords, described by OpenAPI 3.1."""
