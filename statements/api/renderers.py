from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer


class UTF8JSONRenderer(JSONRenderer):
    """JSON that says its charset, with Arabic written as it is rather than as ``\\u`` escapes."""

    charset = "utf-8"


class AlwaysJSON(BaseContentNegotiation):
    """Each endpoint has one representation: answer with it whatever ``Accept`` asks, never with a 406."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type
