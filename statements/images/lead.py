"""Setting and removing a statement's lead image: the one way an image reaches a statement.

The admin form, the importer and the demo content all come through here, after ``checked_image``.
"""

from statements.images import renditions


def attach(statement, checked):
    """Store ``checked`` with its renditions and make it ``statement``'s lead image (the caller saves)."""
    name = renditions.store(checked, statement.lead_image_focus_x, statement.lead_image_focus_y)
    statement.lead_image = name
    statement.lead_image_width, statement.lead_image_height = checked.width, checked.height
    statement.lead_image_size = len(checked.data)
    return name


def detach(statement):
    """The statement has no lead image any more; the file stays, for the revisions that still name it."""
    statement.lead_image = ""
    statement.lead_image_width = statement.lead_image_height = statement.lead_image_size = None


def languages_missing_alt_text(statement):
    """The statement's languages whose alternative text its lead image lacks (none without an image)."""
    if not statement.lead_image:
        return []
    return [
        lang for lang in statement.languages if not (getattr(statement, f"lead_image_alt_{lang}", "") or "").strip()
    ]
