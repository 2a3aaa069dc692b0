"""The public pages. Lists and archives are Django's generic views over ``published()``; staff may preview the
rest of a statement's life on its own page, privately."""

import hashlib
from itertools import groupby

from django.core.cache import cache
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView, MonthArchiveView, YearArchiveView

from statements.caching.generation import generation, seconds_to_keep
from statements.discovery.keyword_counts import most_used_tags, public_tags
from statements.editorial.pending import proposal
from statements.models import PendingChange, Statement, Tag, TagRedirect
from statements.text.normalize import index_letter, is_arabic, sort_key

PAGE_SIZE = 20
MAX_ID = 2**62  # larger ids overflow the database integer: they are simply not found
# A page number as links write it: no sign, no leading zero, so each page has one address.
MAX_PAGE_DIGITS = 6
# Bounds a count kept across changes made behind the receivers' back (bulk updates), as for keyword counts.
COUNT_CACHE_SECONDS = 300
# From this many rows before a page on, its ids are read first: skipping index entries is cheap, rows are not.
DEEP_OFFSET = 200


def page_of(paginator, number):
    """Page ``number`` (the query string's text) of ``paginator``; anything that is not a page is a 404, never a 500."""
    if not (number.isascii() and number.isdigit() and len(number) <= MAX_PAGE_DIGITS and number[0] != "0"):
        raise Http404("No such page.")
    try:
        return paginator.page(int(number))
    except InvalidPage as exc:
        raise Http404("No such page.") from exc


def paginate(request, queryset, per_page=PAGE_SIZE):
    return page_of(Paginator(queryset, per_page), request.GET.get("page", "1"))


def public_statements():
    # Cards show no keywords, so none are fetched; the feeds, which list them, prefetch their own.
    return Statement.objects.published().newest_first().for_cards()


class ArchivePaginator(Paginator):
    """Pages of public statements that cost the same at page 1 and at page 5,000.

    The count is made once per generation of the archive (``count_key`` names the list) and kept in the
    shared cache. A deep page's ids are read first, along the newest-first index without touching the rows,
    and then only those rows: an offset over whole rows reads and drops every row before the page.
    """

    def __init__(self, object_list, per_page, count_key, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        key = f"count:{generation()}:{hashlib.sha256(self.count_key.encode()).hexdigest()}"
        count = cache.get(key)
        if count is None:
            started = timezone.now()
            count = self.object_list.count()
            timeout = seconds_to_keep(started, COUNT_CACHE_SECONDS)
            if timeout > 0:
                cache.set(key, count, timeout)
        return count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if bottom < DEEP_OFFSET:
            return self._get_page(self.object_list[bottom:top], number, self)
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = self.object_list.filter(pk__in=ids).in_bulk() if ids else {}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)


def kept_private(response):
    """A preview is for the staff member looking at it: neither a shared cache nor the browser may keep it."""
    patch_cache_control(response, private=True)
    add_never_cache_headers(response)
    return response


class PublicStatements:
    """Public statements, newest first, a page at a time."""

    paginate_by = PAGE_SIZE
    date_field = "published_on"
    # What is public is ``published()``'s decision alone, whatever the dates say.
    allow_future = True
    allow_empty = True
    make_object_list = True

    def get_queryset(self):
        return public_statements()

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        # One count per list: the page's name and its arguments (year, month, keyword), not its language; a
        # staff preview of a keyword (TagDetail) counts other statements, so it is counted apart.
        preview = getattr(self, "preview", False)
        name = f"{self.request.resolver_match.view_name}:{sorted(self.kwargs.items())}:{preview}"
        return ArchivePaginator(
            queryset, per_page, name, orphans=orphans, allow_empty_first_page=allow_empty_first_page
        )

    def paginate_queryset(self, queryset, page_size):
        page = page_of(self.get_paginator(queryset, page_size), self.request.GET.get("page", "1"))
        return page.paginator, page, page.object_list, page.has_other_pages()


class StatementList(PublicStatements, ListView):
    template_name = "statements/statement_list.html"


class YearArchive(PublicStatements, YearArchiveView):
    template_name = "statements/archive_year.html"

    def get(self, request, *args, year, **kwargs):
        if not 1000 <= year <= 9999:
            return statement_redirect(request, year)
        response = super().get(request, *args, year=year, **kwargs)
        if not response.context_data["date_list"]:
            # Four digits are also the short link of statements 1000 to 9999: a year with nothing public
            # yields to the statement of that number, if there is one (else 404).
            return statement_redirect(request, year)
        return response


class MonthArchive(PublicStatements, MonthArchiveView):
    template_name = "statements/archive_month.html"
    month_format = "%m"

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        # The month page lists its statements, not the days that have some: no query for them.
        return []

    def get(self, request, *args, year, month, **kwargs):
        if not (1000 <= year <= 9999 and 1 <= month <= 12):
            raise Http404("No such month.")
        return super().get(request, *args, year=year, month=month, **kwargs)


class TagDetail(PublicStatements, ListView):
    template_name = "statements/tag_detail.html"
    preview = False

    def get(self, request, *args, slug, **kwargs):
        self.tag = Tag.objects.filter(slug=slug).first()
        if self.tag is None:
            # A keyword merged into another keeps its old address: a live tag always wins over an old slug.
            moved = get_object_or_404(TagRedirect.objects.select_related("tag"), old_slug=slug)
            return redirect(moved.tag, permanent=True)
        return super().get(request, *args, slug=slug, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(tags=self.tag)

    def paginate_queryset(self, queryset, page_size):
        paginated = super().paginate_queryset(queryset, page_size)
        if paginated[0].count:
            return paginated
        # No public statement carries the keyword (yet): to the public it does not exist; staff preview it
        # with the statements that will make it public.
        if not (self.request.user.is_authenticated and self.request.user.is_staff):
            raise Http404("No public statement has this keyword.")
        self.preview = True
        return super().paginate_queryset(Statement.objects.filter(tags=self.tag).newest_first().for_cards(), page_size)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(tag=self.tag, **kwargs)
        context["preview"] = self.preview
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        return kept_private(response) if self.preview else response


def visible_statement(request, pk):
    """The statement at ``pk`` if this visitor may see it: the public sees ``published()``, staff preview the rest."""
    if pk > MAX_ID:
        raise Http404("No such statement.")
    statements = Statement.objects.prefetch_related("tags", "sources")
    if not (request.user.is_authenticated and request.user.is_staff):
        statements = statements.published()
    return get_object_or_404(statements, pk=pk)


def _pending_version(request, statement):
    """For staff: what the statement's change awaiting review would make of it (None without one).

    ``?published`` shows staff the published version instead, as readers see it.
    """
    if not (request.user.is_authenticated and request.user.is_staff) or "published" in request.GET:
        return None
    pending = PendingChange.objects.filter(statement=statement).first()
    return proposal(pending) if pending is not None else None


def _redirect_to_statement(statement):
    """A public statement moves for good (301); a preview only for now, and is never cached on the way."""
    if statement.is_public:
        return redirect(statement, permanent=True)
    return kept_private(redirect(statement))


def statement_redirect(request, pk):
    """``/statements/{id}/`` is a permanent link: it moves for good to the URL that adds the slug."""
    return _redirect_to_statement(visible_statement(request, pk))


class StatementDetail(DetailView):
    """A statement for the public; for staff, also a private preview of one that is not public (yet)."""

    template_name = "statements/statement_detail.html"
    context_object_name = "statement"

    def get_object(self, queryset=None):
        return visible_statement(self.request, self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        self.object = statement = self.get_object()
        if "slug" in kwargs and kwargs["slug"] != (statement.slug or "statement"):
            return _redirect_to_statement(statement)
        self.proposed = _pending_version(request, statement)
        response = self.render_to_response(self.get_context_data(object=statement))
        return response if statement.is_public and self.proposed is None else kept_private(response)

    def get_context_data(self, **kwargs):
        statement, proposed = self.object, getattr(self, "proposed", None)
        if proposed is not None:
            # Staff preview the change awaiting review, marked as such.
            statement = proposed.shown()
            kwargs.update(object=statement, statement=statement)
        return super().get_context_data(
            text=statement.text_in(get_language()),
            preview=proposed is not None or not statement.is_public,
            pending=proposed is not None,
            tags=statement.tags.all(),
            sources=statement.sources.all(),
            **kwargs,
        )


class StatementPrint(StatementDetail):
    template_name = "statements/statement_print.html"


def home(request):
    return render(request, "statements/home.html", {"latest": public_statements()[:10], "top_tags": most_used_tags(24)})


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
