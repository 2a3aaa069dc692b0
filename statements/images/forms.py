"""The lead image in the statement form: the upload field, and what a valid form does with the upload."""

from django import forms

from statements.images import lead, renditions
from statements.images.validation import checked_image, read_limited

ACCEPT = "image/jpeg,image/png,image/webp"
FOCUS_FIELDS = ("lead_image_focus_x", "lead_image_focus_y")


class LeadImageField(forms.FileField):
    """A file that decodes as a JPEG, PNG or WebP picture within the limits; the checked picture rides along."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", ACCEPT)

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        upload.checked = checked_image(read_limited(upload))
        return upload


def apply_lead_image(form, cleaned):
    """Store a new upload (with its renditions) and put its name in ``cleaned``; forget the image when cleared.

    Runs in the form's ``clean()``, before the model's own checks (alternative text on publication) see it.
    """
    if "lead_image" not in form.fields:
        return
    upload = cleaned.get("lead_image")
    statement = form.instance
    for field in FOCUS_FIELDS:
        if cleaned.get(field) is not None:
            setattr(statement, field, cleaned[field])
        elif field in cleaned:
            cleaned[field] = getattr(statement, field)  # left empty: the focal point stays where it was
    if getattr(upload, "checked", None) is not None:
        cleaned["lead_image"] = lead.attach(statement, upload.checked)
    elif upload is False:
        lead.detach(statement)
    elif statement.lead_image and any(field in form.changed_data for field in FOCUS_FIELDS):
        # A new focal point asks for a new link-preview crop; the other renditions are already there.
        renditions.make_renditions(
            statement.lead_image.name, statement.lead_image_focus_x, statement.lead_image_focus_y
        )
