"""A real browser for the browser tests: Debian's Chromium driven by Playwright, axe-core loaded from disk.

Without Chromium (or without axe-core, installed by ``npm ci``) the tests are skipped with a message saying so;
with ``BROWSER_TESTS_REQUIRED=1`` (CI) a missing browser fails them instead, so CI always runs them.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = {"wide": 1280, "phone": 390}
# The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


def _unavailable(reason):
    if os.environ.get("BROWSER_TESTS_REQUIRED") == "1":
        pytest.fail(f"Browser tests are required here: {reason}", pytrace=False)
    pytest.skip(f"Browser tests skipped: {reason}")


@pytest.fixture(scope="session")
def chromium():
    if not (shutil.which(CHROMIUM) or Path(CHROMIUM).exists()):
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    if not AXE.exists():
        _unavailable(f"no axe-core at {AXE.relative_to(ROOT)} (npm ci)")
    if not shutil.which("pdftotext"):
        _unavailable("no pdftotext (apt-get install poppler-utils)")
    from playwright.sync_api import sync_playwright

    # Playwright's own event loop must not be the one Django's async-unsafe check sees in the test thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(chromium, live_server):
    """``open_page(path, width="wide", lang=None)``: a fresh browser page at 1280 or 390 px, on the live server."""
    contexts = []

    def open_(path, width="wide", java_script=True, **options):
        context = chromium.new_context(
            viewport={"width": WIDTHS[width], "height": 900},
            java_script_enabled=java_script,
            base_url=live_server.url,
            **options,
        )
        contexts.append(context)
        page = context.new_page()
        if path is not None:
            response = page.goto(path)
            assert response.status == 200, f"{path} answered {response.status}"
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def demo(live_server, transactional_db):
    """The demo content, as ``make run`` shows it."""
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def editorial_groups(transactional_db):
    """The Editors and Publishers groups as the migrations create them (an earlier transactional test's flush
    empties every table, and only migrations make groups)."""
    import importlib

    from django.contrib.auth.models import Group, Permission

    groups = importlib.import_module("statements.migrations.0006_editorial_groups").GROUPS
    for name, codenames in groups.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *(Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in codenames)
        )


def axe_violations(page):
    """axe-core's WCAG A/AA violations on ``page``, as "rule (impact): target" lines (empty when there are none)."""
    # The admin's scripts (tabs, select boxes, the editor) change the page after "load": check what they leave.
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    assert len(result["passes"]) > 5, f"axe-core checked next to nothing on {page.url}"
    return [
        f"{violation['id']} ({violation['impact']}): {', '.join(map(str, node['target']))} {node['html'][:100]}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


def report(found):
    """The violations of several pages, one line each, for an assertion message."""
    return "\n".join(f"{page_type}: {line}" for page_type, lines in found.items() for line in lines)
