"""Only real JPEG, PNG and WebP pictures within the limits become lead images, and never with their metadata."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from statements.images.validation import MAX_BYTES, checked_image
from tests.conftest import picture_bytes

GPS_IFD = 0x8825
MAKE, MODEL, ORIENTATION = 0x010F, 0x0110, 0x0112


def with_gps_and_camera(format="JPEG", orientation=None):
    exif = Image.Exif()
    exif[MAKE], exif[MODEL] = "SpyCam", "Model 7"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (30.0, 2.0, 40.0), 3: "E", 4: (31.0, 14.0, 9.0)})
    if orientation:
        exif[ORIENTATION] = orientation
    return picture_bytes(format, size=(800, 400), exif=exif.tobytes())


def error_code(data):
    with pytest.raises(ValidationError) as caught:
        checked_image(data)
    return caught.value.code


@pytest.mark.parametrize("format", ["JPEG", "PNG", "WEBP"])
def test_a_real_picture_is_accepted_with_its_size_and_kind(format):
    checked = checked_image(picture_bytes(format, size=(1000, 600)))
    assert (checked.format, checked.width, checked.height) == (format, 1000, 600)
    assert checked.extension == {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[format]


def test_a_picture_without_metadata_keeps_its_exact_bytes():
    data = picture_bytes("JPEG")
    assert checked_image(data).data == data


def test_a_text_file_renamed_to_jpg_is_refused():
    assert error_code(b"Not a picture at all, whatever its name says.\n" * 20) == "not_an_image"


def test_a_truncated_jpeg_is_refused():
    data = picture_bytes("JPEG", size=(1200, 800))
    assert error_code(data[: len(data) // 2]) == "not_an_image"


def test_a_gif_is_refused_though_pillow_reads_it():
    out = io.BytesIO()
    Image.new("P", (50, 50)).save(out, format="GIF")
    assert error_code(out.getvalue()) == "not_an_image"


def test_a_decompression_bomb_is_refused_before_its_pixels_are_unpacked():
    out = io.BytesIO()
    Image.new("1", (8000, 6000)).save(out, format="PNG")  # 48 megapixels in a few kilobytes
    assert len(out.getvalue()) < 100_000
    assert error_code(out.getvalue()) == "image_too_many_pixels"


def test_a_file_over_ten_megabytes_is_refused():
    assert error_code(picture_bytes("PNG", size=(100, 100)) + b"\0" * MAX_BYTES) == "image_too_large"


@pytest.mark.parametrize("format", ["JPEG", "PNG", "WEBP"])
def test_gps_and_camera_exif_never_survive(format):
    original = with_gps_and_camera(format)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the test picture does carry them
    checked = checked_image(original)
    assert checked.data != original
    stored = Image.open(io.BytesIO(checked.data))
    assert not stored.getexif()
    assert b"SpyCam" not in checked.data and b"Model 7" not in checked.data
    assert (stored.format, stored.size) == (format, (800, 400))


def test_an_exif_orientation_is_applied_before_it_is_dropped():
    checked = checked_image(with_gps_and_camera(orientation=6))  # "rotate 90° clockwise to display"
    assert (checked.width, checked.height) == (400, 800)


def test_png_text_chunks_are_dropped():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Someone Private")
    checked = checked_image(picture_bytes("PNG", size=(300, 200), pnginfo=info))
    assert b"Someone Private" not in checked.data


def test_a_phone_jpeg_with_a_hidden_second_picture_becomes_a_plain_jpeg():
    first, second = Image.new("RGB", (300, 200), (200, 20, 20)), Image.new("RGB", (300, 200), (20, 200, 20))
    out = io.BytesIO()
    first.save(out, format="MPO", save_all=True, append_images=[second])
    assert Image.open(io.BytesIO(out.getvalue())).format == "MPO"
    checked = checked_image(out.getvalue())
    stored = Image.open(io.BytesIO(checked.data))
    assert (checked.format, checked.extension, stored.format) == ("JPEG", "jpg", "JPEG")
    assert getattr(stored, "n_frames", 1) == 1 and stored.getpixel((10, 10))[0] > 150


@pytest.mark.parametrize("format", ["JPEG", "PNG", "WEBP"])
def test_bytes_glued_after_the_picture_are_dropped(format):
    glued = picture_bytes(format, size=(300, 200)) + b"<html><script>alert(1)</script></html>"
    checked = checked_image(glued)
    assert b"<script>" not in checked.data
    assert checked_image(checked.data).data == checked.data  # what is stored is clean: kept as it is next time
