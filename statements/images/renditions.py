"""Stored images and their renditions: made once, when the image is stored, never while a reader waits.

An image is stored under a name the site chooses from its content (``lead/<sha256>.jpg``), through Django's
default storage, so production may keep it on S3-compatible storage by configuration alone. Its renditions
sit beside it under names derived from that name and the sizes asked for, so a page builds their addresses
from the statement's row alone: no query and no look-up in the storage.
"""

import io
import math
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

FOLDER = "lead"
WIDTHS = (400, 800, 1200)
SOCIAL_SIZE = (1200, 630)
FORMATS = (("webp", "image/webp", "WEBP"), ("jpg", "image/jpeg", "JPEG"))
QUALITY = 82


@dataclass(frozen=True)
class Rendition:
    name: str
    width: int
    height: int
    content_type: str

    @property
    def url(self):
        return default_storage.url(self.name)


def stored_name(checked):
    return f"{FOLDER}/{checked.sha256}.{checked.extension}"


def store(checked, focus_x=50, focus_y=50):
    """Save ``checked`` (a ``validation.CheckedImage``) once, with every rendition; return its storage name.

    The same picture uploaded twice is the same name: it is stored, and rendered, once.
    """
    name = stored_name(checked)
    if not default_storage.exists(name):
        saved = default_storage.save(name, ContentFile(checked.data))
        if saved != name:  # another process stored the same picture at the same moment
            default_storage.delete(saved)
    make_renditions(name, focus_x, focus_y)
    return name


def widths_for(width):
    """The rendition widths for an image ``width`` pixels wide: never wider than the image itself."""
    return sorted({w for w in WIDTHS if w < width} | {min(width, WIDTHS[-1])})


def _stem(name):
    return name.rsplit(".", 1)[0]


def responsive(name, width, height):
    """{extension: [Rendition, …]} for an image stored as ``name``, narrowest first."""
    found = {}
    for extension, content_type, _format in FORMATS:
        found[extension] = [
            Rendition(f"{_stem(name)}/{w}.{extension}", w, round(height * w / width), content_type)
            for w in widths_for(width)
        ]
    return found


def social(name, focus_x=50, focus_y=50):
    """The 1200×630 link-preview crop, cut around the focal point (percent from the left and from the top)."""
    return Rendition(f"{_stem(name)}/social-{focus_x}-{focus_y}.jpg", *SOCIAL_SIZE, "image/jpeg")


def make_renditions(name, focus_x=50, focus_y=50, *, replace=False):
    """Make whatever renditions of ``name`` are missing (all of them with ``replace``); return how many were made.

    Each width is scaled down from the next wider one, and a JPEG is decoded only as large as the widest
    rendition needs (Pillow's draft mode): a 24-megapixel photograph costs little more than a small one.
    """
    with default_storage.open(name, "rb") as file:
        source = Image.open(io.BytesIO(file.read()))
    width, height = source.size
    pictures = responsive(name, width, height)
    crop = social(name, focus_x, focus_y)
    wanted = [
        (rendition, format)
        for extension, _content_type, format in FORMATS
        for rendition in pictures[extension]
        if replace or not default_storage.exists(rendition.name)
    ]
    wants_crop = replace or not default_storage.exists(crop.name)
    if not wanted and not wants_crop:
        return 0
    scale = min(1, max(WIDTHS[-1] / width, SOCIAL_SIZE[1] / height))
    source.draft("RGB", (math.ceil(width * scale), math.ceil(height * scale)))
    source.load()
    scaled, larger = {}, source
    for rendition in sorted(pictures["jpg"], key=lambda r: -r.width):
        larger = scaled[rendition.width] = larger.resize((rendition.width, rendition.height), Image.Resampling.LANCZOS)
    for rendition, format in wanted:
        _save(rendition.name, scaled[rendition.width], format)
    if wants_crop:
        centring = (focus_x / 100, focus_y / 100)
        _save(crop.name, ImageOps.fit(source, SOCIAL_SIZE, Image.Resampling.LANCZOS, centering=centring), "JPEG")
    return len(wanted) + wants_crop


def _save(name, image, format):
    if format == "JPEG" and image.mode != "RGB":
        image = _on_white(image)
    elif format == "WEBP" and image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "transparency" in image.info or image.mode in ("LA", "PA") else "RGB")
    out = io.BytesIO()
    image.save(
        out, format=format, quality=QUALITY, **({"optimize": True, "progressive": True} if format == "JPEG" else {})
    )
    if default_storage.exists(name):
        default_storage.delete(name)
    default_storage.save(name, ContentFile(out.getvalue()))


def _on_white(image):
    """JPEG has no transparency: a transparent picture is laid on white rather than on black."""
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, (255, 255, 255))
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background
