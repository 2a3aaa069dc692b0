"""Score the site's response headers by the Mozilla HTTP Observatory's rules (its published test modifiers).

.venv/bin/python bench/observatory_score.py [path]

Asks ``path`` (default ``/ar/``) over HTTPS with production settings (DEBUG off) in this process and prints each
test's result and modifier, the score (100 plus the modifiers) and the grade. Redirection from HTTP and the
HSTS preload list need the real deployment; they are scored as a correct deployment gives them (0).
"""

import os
import re
import sys
from pathlib import Path

sys.path.insert(0, os.getcwd())
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))
os.environ.update(DJANGO_SETTINGS_MODULE="observatory.settings", DEBUG="0", ALLOWED_HOSTS="testserver")
os.environ.setdefault("SECRET_KEY", "score-only-" + "x" * 40)
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/observatory-score.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

GRADES = [(100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+"), (50, "C"), (45, "C-")]
GRADES += [(40, "D+"), (30, "D"), (25, "D-"), (0, "F")]


def csp_test(headers):
    policy = headers.get("Content-Security-Policy")
    if not policy:
        return "csp-not-implemented", -25
    directives = {}
    for part in policy.split(";"):
        name, *values = part.split()
        directives[name.lower()] = values
    scripts = directives.get("script-src", directives.get("default-src", []))
    if "'unsafe-inline'" in scripts and not any(v.startswith(("'nonce-", "'sha")) for v in scripts):
        return "csp-implemented-with-unsafe-inline", -20
    if "'unsafe-eval'" in scripts:
        return "csp-implemented-with-unsafe-eval", -10
    if any(v in ("*", "http:", "https:") for v in scripts):
        return "csp-implemented-with-insecure-scheme", -20
    styles = directives.get("style-src", directives.get("default-src", []))
    if directives.get("default-src") == ["'none'"]:
        return "csp-implemented-with-no-unsafe-default-src-none", 10
    if "'unsafe-inline'" in styles:
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0
    return "csp-implemented-with-no-unsafe", 0


def referrer_test(headers):
    value = headers.get("Referrer-Policy", "").split(",")[-1].strip().lower()
    if value in ("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"):
        return "referrer-policy-private", 5
    if not value:
        return "referrer-policy-not-implemented", 0
    return "referrer-policy-unsafe", -5


def hsts_test(headers):
    match = re.search(r"max-age=(\d+)", headers.get("Strict-Transport-Security", ""))
    if not match:
        return "hsts-not-implemented", -20
    if int(match.group(1)) >= 15768000:
        return "hsts-implemented-max-age-at-least-six-months", 0
    return "hsts-implemented-max-age-less-than-six-months", -10


def frame_test(headers):
    if "frame-ancestors" in headers.get("Content-Security-Policy", ""):
        return "x-frame-options-implemented-via-csp", 5
    if headers.get("X-Frame-Options", "").upper() in ("DENY", "SAMEORIGIN"):
        return "x-frame-options-sameorigin-or-deny", 0
    return "x-frame-options-not-implemented", -20


def nosniff_test(headers):
    if headers.get("X-Content-Type-Options", "").lower() == "nosniff":
        return "x-content-type-options-nosniff", 0
    return "x-content-type-options-not-implemented", -5


def sri_test(page):
    sources = re.findall(r"<script[^>]+src=\"([^\"]+)\"", page)
    if not sources:
        return "sri-not-implemented-but-no-scripts-loaded", 0
    if all(src.startswith("/") and not src.startswith("//") for src in sources):
        return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0
    return "sri-not-implemented-and-external-scripts-loaded-securely", -5


def cookies_test(response):
    if not response.cookies:
        return "cookies-not-found", 0
    if all(morsel["secure"] and morsel["httponly"] and morsel["samesite"] for morsel in response.cookies.values()):
        return "cookies-secure-with-httponly-sessions-and-samesite", 5
    return "cookies-without-secure-flag", -20


def cors_test(headers):
    if headers.get("Access-Control-Allow-Origin", "") == "*":
        return "cross-origin-resource-sharing-implemented-with-public-access", 0
    return "cross-origin-resource-sharing-not-implemented", 0


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/ar/"
    call_command("migrate", verbosity=0)
    # Static files as development names them: the score reads headers, not hashed file names.
    plain = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=plain):
        response = Client().get(path, secure=True)
    headers, page = response.headers, response.content.decode()
    results = [
        csp_test(headers),
        cookies_test(response),
        cors_test(headers),
        ("redirection-to-https", 0),
        referrer_test(headers),
        hsts_test(headers),
        sri_test(page),
        nosniff_test(headers),
        frame_test(headers),
    ]
    for name, modifier in results:
        print(f"{modifier:+4d}  {name}")
    score = 100 + sum(modifier for _name, modifier in results)
    grade = next(letter for floor, letter in GRADES if score >= floor)
    print(f"score {score}, grade {grade} ({path}, status {response.status_code})")


if __name__ == "__main__":
    main()
