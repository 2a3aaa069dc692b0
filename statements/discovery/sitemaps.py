"""The sitemap: every public statement, keyword page and archive page, in both languages.

Each entry names its other-language twin and the language-neutral address (``x-default``), which
the locale middleware sends on to the reader's language.
"""

import math

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import DateTimeField, Max, QuerySet
from django.db.models.functions import Coalesce, Greatest, TruncMonth, TruncYear
from django.urls import reverse
from django.utils.functional import cached_property

from statements.models import Statement, Tag

# A statement scheduled for later becomes news when it appears, not when it was last edited.
LAST_CHANGE = Greatest("updated_at", Coalesce("publish_at", "updated_at"), output_field=DateTimeField())
TAGGED_LAST_CHANGE = Greatest(
    "statements__updated_at",
    Coalesce("statements__publish_at", "statements__updated_at"),
    output_field=DateTimeField(),
)


class ItemsInEachLanguage:
    """Every item once per language, as the sitemap pages them, but counted and sliced in the database.

    Django's own pairing loads the whole archive for each page and for the index; this loads one page.
    """

    def __init__(self, items, languages):
        self.items, self.languages = items, languages

    def count(self):
        items = self.items.count() if isinstance(self.items, QuerySet) else len(self.items)
        return items * len(self.languages)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        per_item = len(self.languages)
        first = index.start // per_item
        chosen = self.items[first : math.ceil(index.stop / per_item)]
        pairs = [(item, lang) for item in chosen for lang in self.languages]
        return pairs[index.start - first * per_item : index.stop - first * per_item]


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # Addresses per sitemap page (each item counts once per language): small enough to build in a request.
    limit = 2000

    @cached_property
    def paginator(self):
        # Every item is shown in every language (one-language statements fall back), as get_languages_for_item says.
        # Kept for the request, so deciding between one file and an index counts each section only once.
        return Paginator(ItemsInEachLanguage(self.items(), self._languages()), self.limit)

    def page_count(self):
        return self.paginator.num_pages


class StatementSitemap(BilingualSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return (
            Statement.objects.published()
            .only("id", "slug")
            .annotate(last_change=LAST_CHANGE)
            .order_by("-published_on", "-id")
        )

    def lastmod(self, item):
        return item.last_change

    def get_latest_lastmod(self):
        return Statement.objects.published().aggregate(last_change=Max(LAST_CHANGE))["last_change"]


class TagSitemap(BilingualSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        # The filter and the annotation share one join, so only public statements count towards lastmod.
        return (
            Tag.objects.filter(statements__in=Statement.objects.published())
            .annotate(last_change=Max(TAGGED_LAST_CHANGE))
            .order_by("slug")
        )

    def lastmod(self, item):
        return item.last_change

    def get_latest_lastmod(self):
        # The latest change among public statements that carry a keyword, without reading every keyword back.
        tagged = Statement.objects.published().filter(tags__isnull=False)
        return tagged.aggregate(last_change=Max(LAST_CHANGE))["last_change"]


class ArchiveSitemap(BilingualSitemap):
    """One entry per year and per month that holds a public statement."""

    changefreq = "monthly"
    priority = 0.4

    def items(self):
        # order_by() drops the model's ordering, which would otherwise split each group by statement.
        public = Statement.objects.published().order_by()
        years = (
            public.annotate(period=TruncYear("published_on")).values("period").annotate(last_change=Max(LAST_CHANGE))
        )
        months = (
            public.annotate(period=TruncMonth("published_on")).values("period").annotate(last_change=Max(LAST_CHANGE))
        )
        entries = [("year", row["period"], row["last_change"]) for row in years]
        entries += [("month", row["period"], row["last_change"]) for row in months]
        return sorted(entries, key=lambda entry: (entry[1], entry[0] == "month"), reverse=True)

    def location(self, item):
        kind, period, _ = item
        if kind == "year":
            return reverse("statements:year", args=[period.year])
        return reverse("statements:month", args=[period.year, period.month])

    def lastmod(self, item):
        return item[2]

    def get_latest_lastmod(self):
        # Every public statement falls in some year: the archive's latest change is the archive's.
        return Statement.objects.published().aggregate(last_change=Max(LAST_CHANGE))["last_change"]


class SectionSitemap(BilingualSitemap):
    """The home page, the list of all statements and the keyword index."""

    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["statements:home", "statements:list", "statements:tags"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        if not hasattr(self, "_last_change"):
            self._last_change = Statement.objects.published().aggregate(last_change=Max(LAST_CHANGE))["last_change"]
        return self._last_change


SITEMAPS = {
    "sections": SectionSitemap,
    "statements": StatementSitemap,
    "keywords": TagSitemap,
    "archive": ArchiveSitemap,
}
