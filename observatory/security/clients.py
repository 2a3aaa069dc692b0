"""Who is asking: the client's address, as rate limits and login lockouts count it."""

import ipaddress

from django.conf import settings


def valid_address(value):
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request):
    """The peer's address, or the one the trusted proxies in front of us saw (``TRUSTED_PROXY_COUNT``).

    Each proxy appends the address it was reached from to ``X-Forwarded-For``, so only the last
    ``TRUSTED_PROXY_COUNT`` entries were written by a proxy of ours; anything before them is the client's word.
    None when there is no address (a request made inside the process, as a test's login is).
    """
    remote = valid_address(request.META.get("REMOTE_ADDR", "") or "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        return remote
    return valid_address(forwarded[-count]) or remote
