"""Where browsers report what the Content-Security-Policy blocked: each report is one log line."""

import json
import logging

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from observatory.security.clients import client_ip
from observatory.security.ratelimit import rate_limited

logger = logging.getLogger("observatory.csp")

MAX_REPORT_BYTES = 8192
KEPT_FIELDS = ("document-uri", "blocked-uri", "violated-directive", "effective-directive", "source-file", "line-number")


@csrf_exempt
@require_POST
@rate_limited("csp-report")
def csp_report(request):
    """Log the report's essentials (what was blocked where); a malformed or oversized report is a 400."""
    if len(request.body) > MAX_REPORT_BYTES:
        return HttpResponse(status=413)
    try:
        report = json.loads(request.body).get("csp-report", {})
    except (ValueError, AttributeError):
        return HttpResponse(status=400)
    if not isinstance(report, dict):
        return HttpResponse(status=400)
    fields = {name.replace("-", "_"): str(report.get(name, ""))[:300] for name in KEPT_FIELDS if name in report}
    logger.warning("Content-Security-Policy violation", extra={**fields, "client": client_ip(request)})
    return HttpResponse(status=204)
