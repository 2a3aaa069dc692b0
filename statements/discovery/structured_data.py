"""schema.org data for search engines: a statement as a ``NewsArticle``."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.text import Truncator

from observatory.site_address import absolute
from statements.images.display import lead_image
from statements.text.plain import visible_text

SITE_IMAGE = "img/og-default.png"
SITE_LOGO = "img/logo.png"

# The characters that could end a <script> element or start markup, as JSON escapes (what json_script does).
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def script_json(data):
    """``data`` as JSON that is safe inside a ``<script>`` element: ``</script>`` in a title cannot end it."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)


def describe(text, chars):
    """A statement's short description: its summary, else the opening of its body, as plain text."""
    # Only the opening of the body is read: a page's description costs the same whatever the statement's length.
    return Truncator(text.summary or visible_text(text.body[: chars * 20])).chars(chars)


def organization(request):
    return {
        "@type": "Organization",
        "name": str(settings.SITE_NAME),
        "url": absolute("/"),
        "logo": {"@type": "ImageObject", "url": absolute(static(SITE_LOGO))},
    }


def images(statement, lang):
    """The statement's own picture in the sizes search engines ask for (wide, 1200×630), else the site's image."""
    picture = lead_image(statement, lang)
    if picture is None:
        return [absolute(static(SITE_IMAGE))]
    return [absolute(r.url) for r in (picture.largest, picture.social)]


def news_article(statement, lang, request):
    """The statement as shown on its page in ``lang`` (its own text or the other language's, never empty)."""
    text = statement.text_in(lang)
    url = absolute(statement.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": Truncator(text.title).chars(110),
        "description": describe(text, 300),
        "datePublished": statement.published_on.isoformat(),
        "dateModified": statement.updated_at.isoformat(),
        "inLanguage": text.lang,
        "keywords": [tag.name_in(lang)[0] for tag in statement.tags.all()],
        "image": images(statement, lang),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "publisher": organization(request),
        "author": organization(request),
    }
    citations = []
    for source in statement.sources.all():
        citation = {"@type": "CreativeWork", "url": source.url, "name": source.title or source.url}
        if source.publisher:
            citation["publisher"] = {"@type": "Organization", "name": source.publisher}
        if source.published_on:
            citation["datePublished"] = source.published_on.isoformat()
        citations.append(citation)
    if citations:
        data["citation"] = citations
    return data
