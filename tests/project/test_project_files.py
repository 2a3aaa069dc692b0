"""The files a new user and an operator start from say what the project does."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands_a_new_user_runs():
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#", 1)[0].strip() for line in first_block.splitlines()]
    assert commands == ["make run", "make test"]
    assert README.index("```sh") < README.index("\n## ")  # before any section


def test_every_management_command_the_readme_names_exists():
    named = set(re.findall(r"manage\.py (\w+)", README))
    assert {"migrate", "seed_demo", "createsuperuser", "import_statements", "export_statements"} <= named
    assert named - set(get_commands()) == set()


def test_every_make_target_the_readme_names_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z]+):", makefile, re.M))
    assert set(re.findall(r"`make (\w+)", README)) - targets == set()


def test_every_file_the_readme_names_is_in_the_project():
    for path in re.findall(r"`((?:bench|docs|statements|templates|static)/[\w./-]+)`", README):
        assert (ROOT / path).exists(), path


def test_make_run_serves_on_the_port_it_is_given():
    plan = subprocess.run(["make", "-n", "run", "PORT=8123"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "seed_demo" in plan.stdout and "runserver 127.0.0.1:8123" in plan.stdout


def test_dockerfile_builds_on_python_311_slim_as_a_non_root_user_serving_gunicorn_on_port():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert dockerfile.startswith("FROM python:3.11-slim\n")
    user = re.search(r"^USER (\S+)$", dockerfile, re.M)
    assert user and user.group(1) not in ("root", "0")
    assert dockerfile.index("collectstatic") < dockerfile.index("USER ")  # collected at build time
    assert re.search(r"gunicorn observatory\.wsgi:application --bind 0\.0\.0\.0:\$\{PORT\}", dockerfile)


def test_production_sends_every_cookie_over_https_only():
    code = (
        "from django.conf import settings; "
        "print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.LANGUAGE_COOKIE_SECURE)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "observatory.settings", "DEBUG": "0", "SECRET_KEY": "x" * 50}
    run = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.split() == ["True", "True", "True"]
