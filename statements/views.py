import datetime
from itertools import groupby

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language

from statements.discovery.keyword_counts import most_used_tags, public_tags
from statements.models import Statement, Tag, TagRedirect
from statements.text.normalize import index_letter, is_arabic, sort_key

PAGE_SIZE = 20
MAX_ID = 2**62  # larger ids overflow the database integer: they are simply not found


def paginate(request, queryset, per_page=PAGE_SIZE):
    """The requested page of ``queryset``; a page number that is not a page is a 404, never a 500."""
    paginator = Paginator(queryset, per_page)
    number = request.GET.get("page", "1")
    if not (number.isascii() and number.isdigit() and len(number) <= 6):
        raise Http404("No such page.")
    try:
        return paginator.page(int(number))
    except InvalidPage as exc:
        raise Http404("No such page.") from exc


def public_statements():
    # Cards show no keywords, so none are fetched; the feeds, which list them, prefetch their own.
    return Statement.objects.published().newest_first()


def home(request):
    return render(
        request,
        "statements/home.html",
        {
            "latest": public_statements()[:10],
            "top_tags": most_used_tags(24),
        },
    )


def statement_list(request):
    return render(request, "statements/statement_list.html", {"page": paginate(request, public_statements())})


def year_archive(request, year):
    if not 1 <= year <= 9999:
        raise Http404("No such year.")
    statements = public_statements().filter(published_on__year=year)
    months = list(statements.dates("published_on", "month"))
    if not months:
        # Four digits are also the short link of statements 1000 to 9999: a year with nothing public
        # yields to the statement of that number, if there is one (else 404).
        return statement_redirect(request, year)
    return render(
        request,
        "statements/archive_year.html",
        {"year": year, "months": months, "page": paginate(request, statements)},
    )


def month_archive(request, year, month):
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        raise Http404("No such month.")
    statements = public_statements().filter(published_on__year=year, published_on__month=month)
    return render(
        request,
        "statements/archive_month.html",
        {"month": datetime.date(year, month, 1), "page": paginate(request, statements)},
    )


def visible_statement(request, pk):
    """The statement at ``pk`` if this visitor may see it: the public sees ``published()``, staff preview the rest."""
    if pk > MAX_ID:
        raise Http404("No such statement.")
    statements = Statement.objects.prefetch_related("tags", "sources")
    if not (request.user.is_authenticated and request.user.is_staff):
        statements = statements.published()
    return get_object_or_404(statements, pk=pk)


def _kept_private(response):
    """A preview is for the staff member looking at it: neither a shared cache nor the browser may keep it."""
    patch_cache_control(response, private=True)
    add_never_cache_headers(response)
    return response


def _statement_response(request, statement, template):
    preview = not statement.is_public
    response = render(
        request,
        template,
        {
            "statement": statement,
            "text": statement.text_in(get_language()),
            "preview": preview,
            "tags": statement.tags.all(),
            "sources": statement.sources.all(),
        },
    )
    return _kept_private(response) if preview else response


def _redirect_to_statement(statement):
    """A public statement moves for good (301); a preview only for now, and is never cached on the way."""
    if statement.is_public:
        return redirect(statement, permanent=True)
    return _kept_private(redirect(statement))


def statement_redirect(request, pk):
    """``/statements/{id}/`` is a permanent link: it moves for good to the URL that adds the slug."""
    return _redirect_to_statement(visible_statement(request, pk))


def statement_detail(request, pk, slug):
    statement = visible_statement(request, pk)
    if slug != (statement.slug or "statement"):
        return _redirect_to_statement(statement)
    return _statement_response(request, statement, "statements/statement_detail.html")


def statement_print(request, pk):
    return _statement_response(request, visible_statement(request, pk), "statements/statement_print.html")


def tag_index(request):
    lang = get_language()
    entries = []
    for tag in public_tags():
        name, name_lang = tag.name_in(lang)
        entries.append({"tag": tag, "name": name, "lang": name_lang, "count": tag.public_count, "key": sort_key(name)})
    # Names in the page's own script come first: Arabic then Latin on /ar/, Latin then Arabic on /en/.
    own_script_first = 0 if lang == "ar" else 1
    entries.sort(key=lambda e: (e["key"][0] != own_script_first, e["key"]))
    groups = [
        {"letter": letter, "lang": "ar" if is_arabic(letter) else "en", "entries": list(items)}
        for letter, items in groupby(entries, key=lambda e: index_letter(e["name"]))
    ]
    return render(request, "statements/tag_index.html", {"groups": groups, "total": len(entries)})


def tag_detail(request, slug):
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        # A keyword merged into another keeps its old address: a live tag always wins over an old slug.
        moved = get_object_or_404(TagRedirect.objects.select_related("tag"), old_slug=slug)
        return redirect(moved.tag, permanent=True)
    statements = public_statements().filter(tags=tag)
    return render(request, "statements/tag_detail.html", {"tag": tag, "page": paginate(request, statements)})
