import json
import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from django_prose_editor.config import allowlist_from_extensions

from statements.admin.widgets import BODY_EDITOR_EXTENSIONS
from statements.models import Statement
from statements.text.sanitize import ATTRIBUTES, TAGS, sanitize_html
from tests.html_elements import elements

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/statements/statement/add/"
EDITOR_ATTR = "data-django-prose-editor-configurable"


class PageAssets:
    """The textareas, the asset URLs and the import map of an admin page."""

    def __init__(self, html):
        found = elements(html)
        self.textareas = {e["attrs"].get("name"): e["attrs"] for e in found if e["tag"] == "textarea"}
        self.urls = [e["attrs"]["src"] for e in found if e["tag"] == "script" and e["attrs"].get("src")]
        self.urls += [e["attrs"]["href"] for e in found if e["tag"] == "link" and e["attrs"].get("rel") == "stylesheet"]
        self.importmap = {}
        for e in found:
            if e["tag"] == "script" and e["attrs"].get("type") == "importmap" and e["text"].strip():
                self.importmap.update(json.loads(e["text"])["imports"])


def admin_page(client, url=ADD_URL, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    return PageAssets(response.content.decode())


@pytest.mark.parametrize("admin_language", ["ar", "en"])
def test_arabic_body_is_edited_right_to_left_and_english_body_left_to_right(staff_client, admin_language):
    page = admin_page(staff_client, HTTP_ACCEPT_LANGUAGE=admin_language)

    body_ar, body_en = page.textareas["body_ar"], page.textareas["body_en"]
    assert (body_ar["dir"], body_ar["lang"]) == ("rtl", "ar")
    assert (body_en["dir"], body_en["lang"]) == ("ltr", "en")
    for textarea in (body_ar, body_en):
        assert EDITOR_ATTR in textarea
        # modeltranslation's tab classes stay, or the fields would not sit in the AR / EN tabs.
        assert "mt" in textarea["class"].split()


def test_only_the_two_bodies_get_the_rich_text_editor(staff_client):
    page = admin_page(staff_client)

    with_editor = {name for name, attrs in page.textareas.items() if EDITOR_ATTR in attrs}
    assert with_editor == {"body_ar", "body_en"}


def test_editor_offers_exactly_the_sanitisers_blocks_and_marks(staff_client):
    config = json.loads(admin_page(staff_client).textareas["body_ar"][EDITOR_ATTR])

    assert config["extensions"]["Heading"] == {"levels": [2, 3, 4]}
    editor_tags = allowlist_from_extensions(BODY_EDITOR_EXTENSIONS)["tags"]
    assert editor_tags <= TAGS
    # What the sanitiser keeps and the editor lacks is only the old spellings of bold and italic.
    assert TAGS - editor_tags == {"b", "i"}


def test_editor_keeps_the_direction_and_language_attributes_the_sanitiser_allows(staff_client):
    config = json.loads(admin_page(staff_client).textareas["body_en"][EDITOR_ATTR])

    assert config["extensions"]["KeepTextDirection"] is True
    assert config["js_modules"] == ["/static/js/prose_editor_text_direction.js"]


def test_editor_scripts_and_styles_are_served_by_the_site_itself(staff_client):
    page = admin_page(staff_client)
    modules = json.loads(page.textareas["body_ar"][EDITOR_ATTR])["js_modules"]
    every_asset = page.urls + list(page.importmap.values()) + modules

    editor_assets = [url for url in every_asset if "prose_editor" in url]
    assert any(url.endswith("editor.js") for url in editor_assets)
    assert any(url.endswith("editor.css") for url in editor_assets)
    assert any(url.endswith("js/prose_editor_direction.js") for url in page.urls)
    for url in every_asset:
        assert url.startswith("/") and not urlsplit(url).netloc, url
        response = staff_client.get(url)
        assert response.status_code == 200, url
        content = b"".join(response.streaming_content) if response.streaming else response.content
        text = content.decode()
        if url.endswith(".css"):
            # Fonts and images referenced by the styles must be local too.
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), url
            assert not re.search(r"@import\s+(url\()?\s*['\"]?(https?:)?//", text), url
        if url.endswith(".js"):
            assert not re.search(r"""(import\s*\(|from)\s*['"](https?:)?//""", text), url


def test_script_and_event_handlers_posted_through_the_admin_are_removed_on_save(staff_client):
    now = timezone.localtime()
    hostile = (
        '<p onclick="steal()">Read <a href="javascript:alert(1)">this</a>'
        '<script>alert("x")</script><img src="https://example.org/a.png" alt="map" onerror="steal()"></p>'
    )
    response = staff_client.post(
        ADD_URL,
        {
            "title_ar": "بيان",
            "title_en": "Statement",
            "summary_ar": "",
            "summary_en": "",
            "body_ar": '<h2 style="color:red">عنوان</h2><p>نص<iframe src="https://example.org"></iframe></p>',
            "body_en": hostile,
            "published_on": now.date().isoformat(),
            "status": Statement.Status.DRAFT,
            "publish_at_0": "",
            "publish_at_1": "",
            "sources-TOTAL_FORMS": "0",
            "sources-INITIAL_FORMS": "0",
            "sources-MIN_NUM_FORMS": "0",
            "sources-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    statement = Statement.objects.get()
    assert statement.body_ar == "<h2>عنوان</h2><p>نص</p>"
    for bad in ("<script", "onclick", "onerror", "javascript:", "steal"):
        assert bad not in statement.body_en
    # Images from other hosts lose their address (the site loads nothing from elsewhere); alt text stays.
    assert '<img alt="map">' in statement.body_en
    assert ">this</a>" in statement.body_en


def test_list_start_and_style_the_editor_writes_survive_the_sanitiser():
    editor_attributes = allowlist_from_extensions(BODY_EDITOR_EXTENSIONS)["attributes"]["ol"]

    # The editor's own marker of the style (data-type) is rebuilt from type when a body is loaded again.
    assert set(editor_attributes) - {"data-type"} <= ATTRIBUTES["ol"]
    assert sanitize_html('<ol start="3" type="I" data-type="upper-roman"><li>x</li></ol>') == (
        '<ol start="3" type="I"><li>x</li></ol>'
    )
