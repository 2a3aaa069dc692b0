from django.shortcuts import render
from django.utils.formats import number_format
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
        tag=Tag.objects.matching(query.tag_name).with_public_counts().first(),
    )
    return render(request, "statements/search.html", context)
