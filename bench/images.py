"""Time storing an uploaded picture with its renditions, and a list page of 20 illustrated cards.

DEBUG=1 .venv/bin/python bench/images.py [repeat]

Runs on a throwaway SQLite database and media folder. Each figure is printed beside a trivial baseline
measured in the same run (decoding the picture once with Pillow; the same list page without pictures),
with the load average, so runs on a busy machine can be told apart.
"""

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
work = Path(tempfile.mkdtemp(prefix="observatory-images-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "observatory.settings")
os.environ["DATABASE_URL"] = f"sqlite:///{work / 'db.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(work / "media")
os.environ["DEBUG"] = "1"  # static files without a collected manifest; nothing else here depends on it
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from statements.images import lead  # noqa: E402
from statements.images.renditions import store  # noqa: E402
from statements.images.validation import checked_image  # noqa: E402
from statements.models import Statement  # noqa: E402


def picture(size, seed):
    image = Image.new("RGB", size, (20 + seed % 200, 90, 140))
    ImageDraw.Draw(image).ellipse((size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2), fill=(240, 230, 200))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    return out.getvalue()


def timed(function, repeat):
    times = []
    for n in range(repeat):
        start = time.perf_counter()
        function(n)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main():
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    call_command("migrate", verbosity=0)
    for size in ((1600, 1000), (6000, 4000)):
        pictures = [picture(size, seed) for seed in range(repeat)]
        baseline = timed(lambda n, pictures=pictures: Image.open(io.BytesIO(pictures[n])).load(), repeat)
        stored = timed(lambda n, pictures=pictures: store(checked_image(pictures[n])), repeat)
        print(
            f"{size[0]}×{size[1]} JPEG: checked and stored with 7 renditions {stored:.0f} ms, "
            f"decoding it once {baseline:.1f} ms (×{stored / baseline:.1f})"
        )
    for n in range(40):
        statement = Statement(title_en=f"Statement {n}", body_en="<p>Text</p>", status="published")
        if n % 2:
            statement.lead_image_alt_en = "A picture"
            lead.attach(statement, checked_image(picture((1600, 1000), n % 3)))
        statement.save()
    client = Client()
    with override_settings(SECURE_SSL_REDIRECT=False):
        client.get("/en/statements/")
        illustrated = timed(lambda n: client.get("/en/statements/"), repeat * 10)
        Statement.objects.exclude(lead_image="").update(lead_image="", lead_image_width=None, lead_image_height=None)
        client.get("/en/statements/")
        plain = timed(lambda n: client.get("/en/statements/"), repeat * 10)
    print(
        f"list page of 20 cards: 10 with pictures {illustrated:.1f} ms, none {plain:.1f} ms (×{illustrated / plain:.2f})"
    )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
