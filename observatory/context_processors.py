from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_bidi


def _same_page_in(path, code, current):
    """``path`` in language ``code``; a path no view answers (a 404 page) just swaps its language prefix."""
    url = translate_url(path, code)
    prefix = f"/{current}/"
    if url == path and code != current and path.startswith(prefix):
        url = f"/{code}/{path[len(prefix) :]}"
    return url


def site(request):
    """Site name, text direction and the same page's address in each language (for the switcher)."""
    current = get_language()
    query = request.META.get("QUERY_STRING", "")
    alternates = []
    for code, name in settings.LANGUAGES:
        url = _same_page_in(request.path, code, current)
        if query:
            url = f"{url}?{query}"
        alternates.append({"code": code, "name": name, "url": url, "current": code == current})
    return {
        "SITE_NAME": settings.SITE_NAME,
        "TEXT_DIR": "rtl" if get_language_bidi() else "ltr",
        "language_alternates": alternates,
    }
