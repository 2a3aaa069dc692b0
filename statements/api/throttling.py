from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class PerClientThrottle(SimpleRateThrottle):
    """``API_RATE_LIMIT`` requests per client address, counted in the shared cache so every instance agrees.

    Past the limit DRF answers 429 with ``Retry-After`` (turned into a problem by ``problems.exception_handler``).
    """

    scope = "api"
    cache_format = "api-throttle:%(ident)s"

    def get_rate(self):
        # Read on every request, not once at import as DRF does, so an overridden setting takes effect.
        return settings.API_RATE_LIMIT or None

    def get_cache_key(self, request, view):
        return self.cache_format % {"ident": self.get_ident(request)}
