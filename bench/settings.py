"""Production settings plus one trivial page, for bench/pages.py only: the yardstick every figure is divided by."""

from observatory.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
