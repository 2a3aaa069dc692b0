"""Lead images in exports: a folder of files beside the JSON document, each named by its SHA-256 checksum.

The export's JSON names each statement's picture (``lead_image``: file, checksum, alt text, caption, credit,
focal point); ``images/`` beside it holds the files, byte for byte as stored. Importing reads them back
through the same checks as an upload, so exporting, importing into an empty database and exporting again
gives the same document and the same files.
"""

import hashlib
import re
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage

from statements.archive.legacy import ParseError
from statements.images import lead, renditions
from statements.images.validation import checked_image

FOLDER = "images"
TEXT_KEYS = ("alt_ar", "alt_en", "caption_ar", "caption_en", "credit")
KEYS = {"file", "sha256", "focus_x", "focus_y", *TEXT_KEYS}
# The statement's own image fields the ``lead_image`` object carries, or that follow from its file.
FIELDS = {
    "lead_image_width",
    "lead_image_height",
    "lead_image_size",
    "lead_image_alt",
    "lead_image_caption",
    "lead_image_focus_x",
    "lead_image_focus_y",
    *(f"lead_image_{key}" for key in TEXT_KEYS),
}
STORED_NAME = re.compile(r"^lead/(?P<sha256>[0-9a-f]{64})\.(?P<extension>jpg|png|webp)$")
FILE_NAME = re.compile(r"^[0-9a-f]{64}\.(jpg|png|webp)$")


# --- writing -------------------------------------------------------------------------------------------------


def image_record(statement):
    """The statement's lead image as the export writes it, or None when it has none."""
    if not statement.lead_image:
        return None
    sha256, extension = _checksum(statement.lead_image.name)
    record = {key: getattr(statement, f"lead_image_{key}") or "" for key in TEXT_KEYS}
    record.update(
        file=f"{sha256}.{extension}",
        sha256=sha256,
        focus_x=statement.lead_image_focus_x,
        focus_y=statement.lead_image_focus_y,
    )
    return record


def _checksum(name):
    # Stored names are the checksum of their content (renditions.stored_name); any other is read to find it.
    match = STORED_NAME.match(name)
    if match:
        return match["sha256"], match["extension"]
    with default_storage.open(name, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest(), name.rsplit(".", 1)[-1].lower()


def export_files(statements, folder):
    """Copy the lead images of ``statements`` into ``folder``, checking each against its checksum; return the count.

    A file whose bytes no longer match its name (damaged storage) stops the export rather than travel on.
    """
    written = set()
    for statement in statements:
        record = image_record(statement)
        if record is None or record["file"] in written:
            continue
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / record["file"]
        digest = hashlib.sha256()
        with default_storage.open(statement.lead_image.name, "rb") as source, target.open("wb") as out:
            for chunk in iter(lambda: source.read(1 << 16), b""):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != record["sha256"]:
            target.unlink()
            raise ValueError(f"the stored image {statement.lead_image.name} does not match its checksum")
        written.add(record["file"])
    return len(written)


def folder_beside(document_path):
    return Path(document_path).parent / FOLDER


# --- reading -------------------------------------------------------------------------------------------------


def check_record(where, value):
    """The ``lead_image`` of a statement record, checked (the file itself is read when the statement is written)."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ParseError(f"{where}: “lead_image” must be an object or null")
    unknown = sorted(set(value) - KEYS)
    if unknown:
        raise ParseError(f"{where}: unknown field “lead_image.{unknown[0]}”")
    file, sha256 = value.get("file"), value.get("sha256")
    if not isinstance(file, str) or not FILE_NAME.match(file) or file.split(".")[0] != sha256:
        raise ParseError(f"{where}: “lead_image.file” must be the image's SHA-256 checksum and .jpg, .png or .webp")
    checked = {"file": file, "sha256": sha256}
    for key in TEXT_KEYS:
        text = value.get(key, "")
        if not isinstance(text, str):
            raise ParseError(f"{where}: “lead_image.{key}” must be text")
        checked[key] = text
    for key in ("focus_x", "focus_y"):
        number = value.get(key, 50)
        if not isinstance(number, int) or isinstance(number, bool) or not 0 <= number <= 100:
            raise ParseError(f"{where}: “lead_image.{key}” must be a whole number from 0 to 100")
        checked[key] = number
    return checked


def apply_record(statement, record, folder, *, dry_run=False):
    """Give ``statement`` the lead image ``record`` describes, reading its file from ``folder`` if it is new here.

    In a dry run the file is read and checked but not stored.

    The file passes the checks of an upload; a missing file or one that does not match its checksum is a
    ParseError naming it, and the statement's file is skipped as a whole.
    """
    if record is None:
        if statement.lead_image:
            lead.detach(statement)
        return
    for key in TEXT_KEYS:
        setattr(statement, f"lead_image_{key}", record[key])
    focus = (statement.lead_image_focus_x, statement.lead_image_focus_y)
    statement.lead_image_focus_x, statement.lead_image_focus_y = record["focus_x"], record["focus_y"]
    current = image_record(statement)
    if current is not None and current["sha256"] == record["sha256"]:
        if focus != (record["focus_x"], record["focus_y"]):
            renditions.make_renditions(statement.lead_image.name, record["focus_x"], record["focus_y"])
        return
    path = Path(folder) / record["file"]
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ParseError(f"the image {path} cannot be read: {error.strerror or error}") from None
    if hashlib.sha256(data).hexdigest() != record["sha256"]:
        raise ParseError(f"the image {path} does not match its checksum")
    try:
        checked = checked_image(data)
    except ValidationError as error:
        raise ParseError(f"the image {path}: {' '.join(str(m) for m in error.messages)}") from None
    if dry_run:  # checked, as it would be, but nothing is stored
        statement.lead_image = renditions.stored_name(checked)
        statement.lead_image_width, statement.lead_image_height = checked.width, checked.height
        statement.lead_image_size = len(checked.data)
        return
    lead.attach(statement, checked)
