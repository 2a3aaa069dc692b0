"""Pictures for the demo content, drawn with Pillow as it loads: no downloads, the same bytes every time."""

import io
import random

from PIL import Image, ImageDraw, ImageFilter

SIZE = (1600, 1000)


def draw_picture(seed, top, bottom, accent, format="JPEG"):
    """A calm abstract picture: a gradient from ``top`` to ``bottom`` (RGB tuples) with soft circles in ``accent``."""
    corners = Image.new("RGB", (2, 2))
    corners.putdata([top, top, bottom, bottom])
    picture = corners.resize(SIZE, Image.Resampling.BILINEAR)
    shapes = Image.new("RGBA", SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(shapes)
    rng = random.Random(seed)
    for _ in range(7):
        radius = rng.randint(60, 260)
        x, y = rng.randint(0, SIZE[0]), rng.randint(0, SIZE[1])
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*accent, rng.randint(50, 130)))
    # The subject, a little right of centre: what the focal point of the link-preview crop keeps.
    draw.rectangle((980, 300, 1300, 760), fill=(255, 255, 255, 170))
    picture.paste(shapes.filter(ImageFilter.GaussianBlur(3)), mask=shapes.filter(ImageFilter.GaussianBlur(3)))
    out = io.BytesIO()
    picture.save(out, format=format, **({"quality": 85} if format == "JPEG" else {}))
    return out.getvalue()
