from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import get_language

from observatory.security.ratelimit import over_limit, too_many_requests
from statements.discovery.keyword_counts import most_used_tags, public_tag
from statements.models import Statement, Tag
from statements.search.highlight import Hit
from statements.search.query import CANDIDATES, parse, search
from statements.views import paginate

TOP_TAGS = 24
# What a result shows: its title and text in both languages, its date and its address (not the rest of the row).
RESULT_FIELDS = [
    "slug",
    "published_on",
    *(f"{field}_{lang}" for field in ("title", "summary", "body") for lang in ("ar", "en")),
]


def search_page(request):
    """``/{lang}/search/?q=…``: public statements in either language that match every word of the query."""
    query = parse(request.GET.get("q", ""))
    context = {"query": query, "candidates": number_format(CANDIDATES, force_grouping=True)}
    if query.is_empty:
        context["top_tags"] = most_used_tags(TOP_TAGS)
        return render(request, "statements/search.html", context)
    # A query costs the database; the empty page does not. Queries are limited per client (429 past the limit).
    retry_after = over_limit(request, "search")
    if retry_after:
        return too_many_requests(retry_after)
    results = search(query)
    page = paginate(request, results.ids)
    statements = Statement.objects.only(*RESULT_FIELDS).in_bulk(page.object_list)
    wanted = query.wanted_terms
    lang = get_language()
    context.update(
        results=results,
        page_obj=page,
        hits=[Hit(statements[pk], wanted, lang) for pk in page.object_list if pk in statements],
        tag_offer=offered_tag(query.tag_name),
    )
    return render(request, "statements/search.html", context)


def offered_tag(name):
    """The keyword the query names (with its public count), or the one a keyword of that name was merged into.

    A merged keyword is known by its old slug only, so its old name is recognised as far as the slug spells
    it (the English name, or the Arabic one of a keyword that had none).
    """
    tag = public_tag(Tag.objects.matching(name).first())
    old_slug = slugify(name, allow_unicode=True)
    if tag is None and old_slug:
        tag = public_tag(Tag.objects.filter(redirects__old_slug=old_slug).first())
    return tag
