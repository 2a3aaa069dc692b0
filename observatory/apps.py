from django.apps import AppConfig


class ObservatoryConfig(AppConfig):
    name = "observatory"

    def ready(self):
        # Login signal receivers: connected before any login, not when the first request loads the middleware.
        from observatory.security import sessions, two_factor  # noqa: F401
