"""The editorial admin: the model admins live in ``options``; importing it registers them."""

from statements.admin import options  # noqa: F401
