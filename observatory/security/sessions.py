"""Staff sessions end after a working day without a request; readers have no session to end."""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

SEEN_SESSION_KEY = "staff_seen"
# The session's end moves on when it is saved; saving it at most this often keeps admin pages from writing the
# session on every request (the end is then up to this much earlier than a working day after the last request).
REFRESH_SECONDS = 300


@receiver(user_logged_in, dispatch_uid="staff_session_expiry")
def expire_staff_sessions(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session") and user.is_staff:
        request.session.set_expiry(settings.STAFF_SESSION_IDLE_SECONDS)
        request.session[SEEN_SESSION_KEY] = int(time.time())


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            session = request.session
            now = int(time.time())
            if session.get("_session_expiry") != settings.STAFF_SESSION_IDLE_SECONDS:
                session.set_expiry(settings.STAFF_SESSION_IDLE_SECONDS)
            if now - session.get(SEEN_SESSION_KEY, 0) >= REFRESH_SECONDS:
                session[SEEN_SESSION_KEY] = now
        return self.get_response(request)
