from django.http import HttpResponse

HEALTH_PATH = "/healthz/"


class HealthCheckMiddleware:
    """Answer the load balancer's health check before host validation and the HTTPS redirect.

    Balancers probe each instance by its IP address over plain HTTP, which ALLOWED_HOSTS and
    SECURE_SSL_REDIRECT would otherwise refuse.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_PATH and request.method in ("GET", "HEAD"):
            return HttpResponse("ok", content_type="text/plain")
        return self.get_response(request)
