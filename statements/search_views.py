from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import get_language

from .highlight import Hit
from .models import Statement, Tag
from .search_query import CANDIDATES, parse, search
from .views import paginate

TOP_TAGS = 24


def search_page(request):
    """``/{lang}/search/?q=…``: public statements in either language that match every word of the query."""
    query = parse(request.GET.get("q", ""))
    context = {"query": query, "candidates": number_format(CANDIDATES, force_grouping=True)}
    if query.is_empty:
        context["top_tags"] = Tag.objects.with_public_counts().order_by("-public_count", "key_ar", "key_en")[:TOP_TAGS]
        return render(request, "statements/search.html", context)
    results = search(query)
    page = paginate(request, results.ids)
    statements = Statement.objects.in_bulk(page.object_list)
    wanted = query.wanted_terms
    lang = get_language()
    context.update(
        results=results,
        page=page,
        hits=[Hit(statements[pk], wanted, lang) for pk in page.object_list if pk in statements],
        tag_offer=offered_tag(query.tag_name),
    )
    return render(request, "statements/search.html", context)


def offered_tag(name):
    """The keyword the query names (with its public count), or the one a keyword of that name was merged into.

    A merged keyword is known by its old slug only, so its old name is recognised as far as the slug spells
    it (the English name, or the Arabic one of a keyword that had none).
    """
    tag = Tag.objects.matching(name).with_public_counts().first()
    old_slug = slugify(name, allow_unicode=True)
    if tag is None and old_slug:
        tag = Tag.objects.filter(redirects__old_slug=old_slug).with_public_counts().first()
    return tag
