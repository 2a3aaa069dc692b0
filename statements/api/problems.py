"""Errors as RFC 9457 problem details (``application/problem+json``), whatever went wrong and wherever."""

from http import HTTPStatus

from django.http import JsonResponse
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8"


class BadParameter(exceptions.APIException):
    """A query parameter the endpoint does not know, or whose value it cannot read: 400 naming each one."""

    status_code = 400
    default_detail = "A query parameter is not valid."

    def __init__(self, errors):
        # ``errors``: {parameter: reason}
        self.errors = errors
        super().__init__("; ".join(f"{name}: {reason}" for name, reason in errors.items()))


def problem(status, detail, instance=None, **extra):
    body = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status, "detail": str(detail)}
    if instance:
        body["instance"] = instance
    body.update(extra)
    return body


def exception_handler(exc, context):
    """DRF's handler (which sets ``Retry-After`` and ``Allow``), its body replaced by a problem document."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # not an API error: Django's 500 handler answers (with a problem, see observatory.errors)
    request = context.get("request")
    detail = getattr(exc, "detail", None) or response.data
    if isinstance(detail, list | dict):
        detail = exceptions.APIException.default_detail if not detail else _flatten(detail)
    extra = {}
    if isinstance(exc, BadParameter):
        extra["invalid_params"] = [{"name": name, "reason": reason} for name, reason in exc.errors.items()]
    headers = {name: value for name, value in response.headers.items() if name in ("Retry-After", "Allow")}
    return Response(
        problem(response.status_code, detail, request.path if request else None, **extra),
        status=response.status_code,
        headers=headers,
        content_type=PROBLEM_CONTENT_TYPE,
    )


def _flatten(detail):
    if isinstance(detail, dict):
        return "; ".join(f"{key}: {_flatten(value)}" for key, value in detail.items())
    if isinstance(detail, list):
        return "; ".join(_flatten(item) for item in detail)
    return str(detail)


def problem_response(request, status, detail):
    """A problem answer outside DRF's views (an unknown address under /api/v1/, a server error)."""
    return JsonResponse(
        problem(status, detail, request.path),
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


def not_found(request, *args, **kwargs):
    return problem_response(request, 404, "There is nothing at this address.")
