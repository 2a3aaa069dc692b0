"""Headers every response carries besides Django's and django-csp's: what the browser may use, who may embed."""

from csp.constants import NONCE
from django.conf import settings

# Browser features the site never uses: no page (public or admin) may ask for them, nor may anything it embeds.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "sync-xhr",
        "usb",
        "xr-spatial-tracking",
        "interest-cohort",
    )
)

# What the admin needs beyond the public policy: its templates and the prose editor set inline styles, and the
# rare inline script (an import map) carries the response's nonce. The admin is never cached, so nonces suit it.
ADMIN_POLICY_UPDATE = {"script-src": [NONCE], "style-src": ["'unsafe-inline'"]}


def is_static(path):
    media = settings.MEDIA_URL
    return path.startswith(settings.STATIC_URL) or (media not in ("", "/") and path.startswith(media))


class SecurityHeadersMiddleware:
    """Permissions-Policy and Cross-Origin-Resource-Policy on every response; the admin's additions to the CSP.

    Sits inside django-csp's middleware, so the admin's policy update reaches the header it writes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # SecurityMiddleware's headers, for the responses answered before it (health checks, a refused Host).
        response.setdefault("X-Content-Type-Options", "nosniff")
        response.setdefault("Referrer-Policy", settings.SECURE_REFERRER_POLICY)
        response.setdefault("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY)
        if settings.SECURE_HSTS_SECONDS and request.is_secure():
            hsts = f"max-age={settings.SECURE_HSTS_SECONDS}"
            if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
                hsts += "; includeSubDomains"
            if settings.SECURE_HSTS_PRELOAD:
                hsts += "; preload"
            response.setdefault("Strict-Transport-Security", hsts)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Static files may be read by the site's other hosts (same site); pages and data by this origin only.
        response.setdefault(
            "Cross-Origin-Resource-Policy", "same-site" if is_static(request.path_info) else "same-origin"
        )
        if request.path_info.startswith("/admin/"):
            response._csp_update = ADMIN_POLICY_UPDATE
        return response
