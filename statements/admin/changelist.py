"""The statement and keyword lists, kept quick however large the archive grows.

A list page reads the ids of its rows from the narrowest query there is (an index walk), then only those
rows and only the columns it shows; a list's count and the years of its date hierarchy, and the keyword
counts, are counted once per change to the archive, not on every request; the editors' search keeps the
newest matches and says when there are more; the keyword filter meets statements through their keyword links.
See docs/editorial.md.
"""

import datetime
import hashlib

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ALL_VAR, ERROR_FLAG, ORDER_VAR, PAGE_VAR, ChangeList
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.html import format_html, strip_tags
from django.utils.translation import gettext as _

from statements.admin.workflow import PendingChangeFilter, PublicationFilter
from statements.caching.generation import generation, seconds_to_keep
from statements.discovery.keyword_counts import COUNTS_CACHE_SECONDS, statement_counts
from statements.languages import LANGUAGE_CODES
from statements.models import PendingChange, Statement
from statements.search.query import CANDIDATES, editorial_search

TAG_LINKS = Statement.tags.through
# The newest matches of a search the list keeps, as on the public search; more are said as "more than".
SEARCH_LIMIT = CANDIDATES

# What a row of the statement list shows (its title column, date, publication and languages); bodies are
# read only where a language has no title, since only then does the body decide whether it is written.
LIST_FIELDS = (
    "published_on",
    "status",
    "publish_at",
    "updated_at",
    *(f"title_{lang}" for lang in LANGUAGE_CODES),
)


def untitled_body(lang):
    """The body in ``lang`` of a row without a title in ``lang`` (else empty): all a list row needs of it."""
    return Case(When(**{f"title_{lang}": ""}, then=F(f"body_{lang}")), default=Value(""), output_field=CharField())


class ListFigures:
    """Figures about one list as the editor asked for it (its filters and search, not its page or order), kept
    in the cache until the archive next changes.

    Counting the archive, or finding the years it spans, costs tens of milliseconds at 100,000 statements;
    the same list asked for again (the next page, another order) reuses them. Like the public keyword counts,
    any change to a statement or keyword brings fresh ones, a list of live or scheduled statements is not kept
    past the next scheduled moment, and without a shared cache another process may show old figures for
    ``COUNTS_CACHE_SECONDS`` at most.
    """

    IGNORED = {PAGE_VAR, ORDER_VAR, ALL_VAR, ERROR_FLAG}

    def __init__(self, request):
        asked = sorted(
            (name, value) for name, values in request.GET.lists() if name not in self.IGNORED for value in values
        )
        if PendingChangeFilter.parameter_name in request.GET:
            # Changes awaiting review renew no generation (the public archive stays): their own state keys it.
            asked.append(tuple(PendingChange.objects.aggregate(Count("pk"), Max("proposed_at")).values()))
        self.key = hashlib.sha256(repr(asked).encode()).hexdigest()
        self.timed = request.GET.get(PublicationFilter.parameter_name) in PublicationFilter.TIMED

    def kept(self, name, compute):
        key = f"admin-list:{name}:{generation()}:{self.key}"
        value = cache.get(key)
        if value is None:
            started = timezone.now()
            value = compute()
            timeout = seconds_to_keep(started, COUNTS_CACHE_SECONDS) if self.timed else COUNTS_CACHE_SECONDS
            if timeout > 0:
                cache.set(key, value, timeout)
        return value


def list_rows(ids):
    """The statements ``ids`` as list rows, in that order."""
    rows = Statement.objects.only(*LIST_FIELDS).annotate(
        **{f"untitled_body_{lang}": untitled_body(lang) for lang in LANGUAGE_CODES}
    )
    by_pk = {row.pk: row for row in rows.filter(pk__in=ids)}
    return [by_pk[pk] for pk in ids if pk in by_pk]


class StatementPaginator(Paginator):
    """Counts once per change to the archive, and finds a page's rows by their ids.

    The ids come from an index walk however deep the page, and only the page's own rows are then read (an
    offset over whole rows read every row before the page).
    """

    def __init__(self, object_list, per_page, orphans=0, allow_empty_first_page=True, figures=None):
        super().__init__(object_list, per_page, orphans, allow_empty_first_page)
        self.figures = figures

    @cached_property
    def count(self):
        if self.figures is None:
            return super().count
        return self.figures.kept("count", self.object_list.count)

    def page(self, number):
        page = super().page(number)
        page.object_list = list_rows(list(page.object_list.values_list("pk", flat=True)))
        return page


class StatementChangeList(ChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        # A list of one page is read straight from here: only what its rows show.
        return queryset.only(*LIST_FIELDS).annotate(
            **{f"untitled_body_{lang}": untitled_body(lang) for lang in LANGUAGE_CODES}
        )

    def get_results(self, request):
        self.figures = ListFigures(request)
        super().get_results(request)
        matches = getattr(request, "admin_search", None)
        # The search keeps the newest matches only: their count is then a floor, said as "more than".
        self.result_count_is_lower_bound = matches is not None and matches.more
        self.search_dates = matches.dates if matches is not None else None
        self.candidates = number_format(SEARCH_LIMIT, force_grouping=True)

    def dates_for_hierarchy(self):
        """What the date hierarchy asks of the list (its first and last date, its years, months or days)."""
        if self.search_dates is not None:
            return KnownDates(self.search_dates)
        return KeptDates(self.queryset, self.figures)


class KnownDates:
    """The dates of a search's kept matches, answering the date hierarchy without asking the database."""

    def __init__(self, dates):
        self.days = sorted(set(dates))

    def aggregate(self, **named):
        ends = {"first": self.days[0], "last": self.days[-1]} if self.days else {"first": None, "last": None}
        return {name: ends[name] for name in named}

    def dates(self, field_name, kind):
        cut = {
            "year": lambda day: day.replace(month=1, day=1),
            "month": lambda day: day.replace(day=1),
            "day": lambda day: day,
        }[kind]
        return sorted({cut(day) for day in self.days})


class KeptDates:
    """The date hierarchy's questions about a list, each answered once per change to the archive.

    Django finds a list's years (or a year's months) by truncating and sorting the date of every row: most of
    the SQL time of the whole list at 100,000 statements, paid again on the first list after every save. Asking,
    in one query, whether each year between the first and the last date has a row reads one index entry a year.
    """

    MONTHS = {"year": 12, "month": 1}  # the length of each period asked about

    def __init__(self, queryset, figures):
        self.queryset = queryset.order_by()
        self.figures = figures

    def aggregate(self, **named):
        return self.figures.kept(f"range:{','.join(sorted(named))}", lambda: self.queryset.aggregate(**named))

    def dates(self, field_name, kind):
        return self.figures.kept(f"dates:{field_name}:{kind}", lambda: self._dates(field_name, kind))

    def _dates(self, field_name, kind):
        if kind not in self.MONTHS:
            return list(self.queryset.dates(field_name, kind))
        ends = self.aggregate(first=Min(field_name), last=Max(field_name))
        if ends["first"] is None:
            return []
        starts = []
        start = ends["first"].replace(month=1 if kind == "year" else ends["first"].month, day=1)
        while start <= ends["last"]:
            starts.append(start)
            start = _months_later(start, self.MONTHS[kind])
        probes = {
            f"from_{n}": Exists(
                self.queryset.filter(
                    **{
                        f"{field_name}__gte": begin,
                        f"{field_name}__lt": _months_later(begin, self.MONTHS[kind]),
                    }
                )
            )
            for n, begin in enumerate(starts)
        }
        found = Statement.objects.order_by().annotate(**probes).values(*probes)[:1]
        row = found[0] if found else {}
        return [begin for n, begin in enumerate(starts) if row.get(f"from_{n}")]


def _months_later(day, months):
    """The first of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def among(ids):
    """A filter for the statements ``ids``. PostgreSQL is given them as one array: building the SQL of a thousand
    separate parameters took about 10 ms each time the list asked (its count, then its page)."""
    if connection.vendor == "postgresql":
        column = f'"{Statement._meta.db_table}"."id"'
        return RawSQL(f"{column} = ANY(%s)", (list(ids),), output_field=BooleanField())
    return Q(pk__in=ids)


class StatementListMixin:
    """The statement admin's list: paging by id, figures kept per change, the editors' search over every status."""

    # Fifty rows a page, not Django's hundred: each row formats two dates, a link and six cells, and at a hundred
    # rows that was most of a page's time (docs/editorial.md). Search and filters find the rest.
    list_per_page = 50
    # Counting the whole archive besides the filtered list cost a second full count on every filtered page.
    show_full_result_count = False
    # Facet counts count every filter choice over the archive on each request.
    show_facets = admin.ShowFacets.NEVER
    search_fields = ("title_ar", "title_en")  # shows the search box; the search itself is get_search_results
    change_list_template = "admin/statements/statement/change_list.html"

    def get_changelist(self, request, **kwargs):
        return StatementChangeList

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        return StatementPaginator(queryset, per_page, orphans, allow_empty_first_page, figures=ListFigures(request))

    def action_checkbox(self, obj):
        # Django's own renders a form widget through the template engine for each row: a third of the time
        # a page of 100 rows took to render. Same markup.
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            str(obj.pk),
            format_html(_("Select this object for an action - {}"), str(obj)),
        )

    def get_search_results(self, request, queryset, search_term):
        """Titles containing the typed text, and statements whose words match it the way the public search
        matches them (without diacritics, any hamza form, in the summary and body too), drafts included: the
        newest matches, the list tells when there are more."""
        if not search_term.strip():
            return queryset, False
        matches = editorial_search(search_term, queryset, SEARCH_LIMIT)
        request.admin_search = matches
        return queryset.filter(among(matches.ids)), False


class KeywordFilter(admin.ListFilter):
    """Django's keyword filter (a keyword, or none), meeting statements through the keyword links.

    Django's own filter joins the links, and the list must then make every row distinct: at 100,000 statements
    that took most of a second. A statement's links name each keyword once, so a semi-join needs no such pass.
    """

    field_path = "tags"
    template = "admin/filter.html"

    def __init__(self, request, params, model, model_admin):
        self.inner = admin.RelatedFieldListFilter(
            model._meta.get_field(self.field_path), request, params, model, model_admin, self.field_path
        )
        self.title = self.inner.title
        super().__init__(request, params, model, model_admin)

    def has_output(self):
        return self.inner.has_output()

    def choices(self, changelist):
        return self.inner.choices(changelist)

    def expected_parameters(self):
        return self.inner.expected_parameters()

    def queryset(self, request, queryset):
        used = self.inner.used_parameters
        ids = used.get(self.inner.lookup_kwarg) or []
        if any(not str(value).isdigit() for value in ids):
            raise IncorrectLookupParameters(f"{self.inner.lookup_kwarg}: not a keyword id")
        if ids:
            queryset = queryset.filter(pk__in=TAG_LINKS.objects.filter(tag_id__in=ids).values("statement_id"))
        # Django reads "True", "1" and any other word as yes, "", "0" and "false" as no.
        for without in used.get(self.inner.lookup_kwarg_isnull) or []:
            linked = TAG_LINKS.objects.values("statement_id")
            queryset = queryset.exclude(pk__in=linked) if without else queryset.filter(pk__in=linked)
        return queryset


# Sorting the keyword list by its count column counts each keyword's links (that sort alone pays for it).
LINKS_PER_TAG = Coalesce(
    Subquery(
        TAG_LINKS.objects.filter(tag_id=OuterRef("pk")).order_by().values("tag_id").annotate(n=Count("*")).values("n")
    ),
    0,
)


class KeywordChangeList(ChangeList):
    def get_results(self, request):
        super().get_results(request)
        counts = statement_counts()
        # Evaluated once here; the template iterates the same rows.
        for tag in self.result_list:
            tag.statement_count = counts.get(tag.pk, 0)


def written_languages(statement):
    """``statement.languages`` for a list row, which holds a body only where the title is missing."""
    if not hasattr(statement, f"untitled_body_{LANGUAGE_CODES[0]}"):
        return statement.languages
    return [
        lang
        for lang in LANGUAGE_CODES
        if getattr(statement, f"title_{lang}") or strip_tags(getattr(statement, f"untitled_body_{lang}")).strip()
    ]
