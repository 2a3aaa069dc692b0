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
    named = re.findall(r"`((?:bench|docs|statements|templates|static)/[\w./-]+)`", README)
    linked = re.findall(r"\]\(((?:docs|bench)/[\w./-]+)\)", README)
    assert linked
    for path in named + linked:
        assert (ROOT / path).exists(), path


def test_readme_is_a_front_door_that_links_every_topic_in_docs():
    assert len(README) <= 10_000
    for doc in (ROOT / "docs").glob("*.md"):
        assert f"docs/{doc.name}" in README, doc.name


def test_statements_keeps_a_few_modules_at_its_top_and_a_folder_per_concern():
    top = sorted(p.name for p in (ROOT / "statements").glob("*.py"))
    assert len(top) <= 12, top
    for folder in [ROOT / "statements", *(p for p in (ROOT / "statements").iterdir() if (p / "__init__.py").exists())]:
        stems = [p.stem for p in folder.glob("*.py") if p.stem != "__init__"]
        prefixes = [stem.split("_")[0] for stem in stems if "_" in stem]
        shared = {prefix for prefix in prefixes if prefix in stems or prefixes.count(prefix) > 1}
        assert not shared, (folder.name, shared)


def test_production_image_installs_only_what_production_runs_and_checks_its_health():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "requirements-dev" not in dockerfile
    assert re.search(r"^HEALTHCHECK .*\n?.*/healthz/", dockerfile, re.M)
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {"tests", "bench", ".ci"} <= set(ignored)
    production = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert "pytest" not in production and "ruff" not in production
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")


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
