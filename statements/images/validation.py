"""What may become a lead image: real JPEG, PNG or WebP pictures, within size limits, without their metadata.

Uploads and imports both pass through ``checked_image``. A file is judged by decoding it with Pillow, never by
its name or the type the browser claims. A picture that carries nothing but its pixels (and a colour profile)
keeps its exact bytes, so an exported image imported again is the same file; any other is encoded again from
its pixels alone, which leaves EXIF (GPS position, camera, owner), XMP, IPTC and comments behind.
"""

import hashlib
import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}
# Keys Pillow reports for a picture's structure, not for who took it, where or with what.
STRUCTURAL_INFO = {
    "icc_profile",
    "dpi",
    "jfif",
    "jfif_version",
    "jfif_unit",
    "jfif_density",
    "progressive",
    "progression",
    "adobe",
    "adobe_transform",
    "gamma",
    "transparency",
    "background",
    "loop",
    "duration",
    "timestamp",
    "interlace",
    "aspect",
    "srgb",
    "chromaticity",
    "compression",
    "lossless",
}
# JPEG segments that carry structure only: APP0 (JFIF), APP2 (ICC profile), APP14 (Adobe colour transform).
STRUCTURAL_JPEG_SEGMENTS = {"APP0", "APP2", "APP14"}


def content_type(name):
    """The media type of a stored image, from the extension the site gave it."""
    extension = name.rsplit(".", 1)[-1].lower()
    return next((kind for ext, kind in FORMATS.values() if ext == extension), "application/octet-stream")


@dataclass(frozen=True)
class CheckedImage:
    data: bytes
    format: str  # JPEG, PNG or WEBP
    width: int
    height: int

    @property
    def extension(self):
        return FORMATS[self.format][0]

    @property
    def content_type(self):
        return FORMATS[self.format][1]

    @property
    def sha256(self):
        return hashlib.sha256(self.data).hexdigest()


def read_limited(file):
    """The bytes of an uploaded or opened file, refusing more than ``MAX_BYTES`` without reading them all."""
    if getattr(file, "size", None) is not None and file.size > MAX_BYTES:
        raise too_large()
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise too_large()
    return data


def too_large():
    return ValidationError(_("The image is larger than 10 MB. Upload a smaller file."), code="image_too_large")


def not_an_image():
    return ValidationError(
        _("This file is not a JPEG, PNG or WebP picture, or it is damaged. Upload the picture again."),
        code="not_an_image",
    )


def checked_image(data):
    """``data`` as a ``CheckedImage``, or a ValidationError that says what is wrong with it."""
    if len(data) > MAX_BYTES:
        raise too_large()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(FORMATS))
            width, height = image.size
            # The size is in the header: a decompression bomb is refused before its pixels are unpacked.
            if width * height > MAX_PIXELS:
                raise too_many_pixels()
            image.load()  # a truncated or corrupt file fails here
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels() from None
    except Exception:  # Pillow reports damage as OSError, SyntaxError, ValueError, struct.error, ...
        raise not_an_image() from None
    if width < 1 or height < 1:
        raise not_an_image()
    # Phones write JPEGs with a second, hidden picture (MPO): kept as a plain JPEG of the first one.
    format = "JPEG" if image.format == "MPO" else image.format
    if image.format == "MPO" or carries_metadata(image) or has_trailing_bytes(data, format):
        data = stripped(image, format)
        width, height = Image.open(io.BytesIO(data)).size
    return CheckedImage(data=data, format=format, width=width, height=height)


def too_many_pixels():
    return ValidationError(
        _("The image has too many pixels (at most 40 megapixels). Upload a smaller picture."),
        code="image_too_many_pixels",
    )


def carries_metadata(image):
    if image.getexif():
        return True
    if set(image.info) - STRUCTURAL_INFO:
        return True
    segments = {marker for marker, _content in getattr(image, "applist", [])}
    return bool(segments - STRUCTURAL_JPEG_SEGMENTS)


def has_trailing_bytes(data, format):
    """True when bytes follow the picture's end (a camera's trailer, or a file of another kind glued on)."""
    if format == "JPEG":
        return not data.endswith(b"\xff\xd9")
    if format == "PNG":
        return not data.endswith(b"IEND\xaeB`\x82")
    return int.from_bytes(data[4:8], "little") + 8 != len(data)  # WebP: the RIFF size covers the whole file


def stripped(image, format):
    """The picture encoded again from its pixels alone, turned upright as its EXIF orientation said."""
    upright = ImageOps.exif_transpose(image)
    pixels = Image.frombytes(upright.mode, upright.size, upright.tobytes())
    if upright.mode == "P" and upright.getpalette():
        pixels.putpalette(upright.getpalette())
    options = {"icc_profile": image.info["icc_profile"]} if image.info.get("icc_profile") else {}
    if format == "JPEG":
        if pixels.mode not in ("RGB", "L", "CMYK"):
            pixels = pixels.convert("RGB")
        options.update(quality=92, optimize=True)
    elif format == "PNG":
        if "transparency" in image.info and upright.mode in ("P", "L", "RGB"):
            options["transparency"] = image.info["transparency"]
        options.update(optimize=True)
    else:
        options.update(quality=92)
    out = io.BytesIO()
    pixels.save(out, format=format, **options)
    return out.getvalue()
