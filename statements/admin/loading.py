"""What the statement change form reads: the statement once per request, and its status history's authors
with it (each row named its author with a query of its own)."""


class ChangeFormLoadingMixin:
    def change_view(self, request, object_id, form_url="", extra_context=None):
        # A GET of the change form asks for the statement twice (the stale-translation note, then the form).
        request.loaded_statements = {} if request.method == "GET" else None
        return super().change_view(request, object_id, form_url, extra_context)

    def get_object(self, request, object_id, from_field=None):
        loaded = getattr(request, "loaded_statements", None)
        if loaded is None:
            return super().get_object(request, object_id, from_field)
        key = (object_id, from_field)
        if key not in loaded:
            loaded[key] = super().get_object(request, object_id, from_field)
        return loaded[key]
