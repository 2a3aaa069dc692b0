"""The admin's change messages name translated fields in the reader's language ("تم تغيير الملخص [en]")."""

import json

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.utils import translation

from statements.models import Statement, Tag


@pytest.mark.parametrize("model", [Statement, Tag])
def test_change_messages_name_every_translated_field_in_arabic(rf, admin_user, model):
    request = rf.get("/admin/")
    request.user = admin_user
    form = admin.site._registry[model].get_form(request)
    # Django stores the labels untranslated and translates them when the message is shown.
    with translation.override(None):
        labels = [str(field.label) for name, field in form.base_fields.items() if name.endswith(("_ar", "_en"))]
    assert labels
    entry = LogEntry(change_message=json.dumps([{"changed": {"fields": labels}}]))
    with translation.override("ar"):
        message = entry.get_change_message()
    assert not any(label.split(" [")[0] in message for label in labels), message
    assert "[en]" in message and "[ar]" in message
