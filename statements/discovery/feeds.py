"""Atom and RSS feeds of the latest public statements, for the whole site and for one keyword.

The URL's language decides the feed's language: titles and summaries come from ``Statement.text_in``,
so a statement written in one language only still has a title in the other language's feed.

Feed readers treat an Atom ``summary type="html"`` and every RSS ``description`` as HTML: what goes there is
plain text escaped into HTML (the XML writer escapes it once more for the XML itself), so a summary reading
``<svg onload=…>`` reaches the reader as those characters, never as markup. Elements read as text (titles,
categories, Atom's subtitle) carry the plain text.
"""

import datetime

from django.conf import settings
from django.contrib.sites.requests import RequestSite
from django.contrib.syndication.views import Feed, add_domain
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from observatory.security.ratelimit import over_limit, too_many_requests
from observatory.site_address import on_site
from statements.images.display import lead_image
from statements.images.validation import content_type
from statements.models import Statement, Tag, TagRedirect
from statements.text.plain import visible_text

FEED_LENGTH = 30
SUMMARY_WORDS = 60
# Whatever a statement's length, an entry carries a bounded excerpt: at most this much of the body is read
# for it, and a summary is cut to this many characters.
EXCERPT_CHARS = 2000


class AtomFeedWithEntryLanguages(Atom1Feed):
    """Atom whose entries declare their own language: a one-language statement in the other language's feed."""

    def item_attributes(self, item):
        return {**super().item_attributes(item), "xml:lang": item["lang"]}


class RssFeedWithItemLanguages(Rss201rev2Feed):
    """RSS 2.0 has a language for the channel only; Dublin Core's ``dc:language`` gives each item its own."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": "http://purl.org/dc/elements/1.1/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("dc:language", item["lang"])


def statement_summary(text):
    """The summary, or the opening words of the body when a statement has none: plain text, bounded."""
    if text.summary:
        return Truncator(text.summary).chars(EXCERPT_CHARS)
    # A tag cut at the end of the slice is dropped or left as text; either way the result is escaped.
    return Truncator(visible_text(text.body[:EXCERPT_CHARS])).words(SUMMARY_WORDS)


class LatestStatementsFeed(Feed):
    feed_type = AtomFeedWithEntryLanguages

    def __call__(self, request, *args, **kwargs):
        # Limited per client; addresses in the feed are the site's own, whatever Host the request named.
        retry_after = over_limit(request, "feeds")
        if retry_after:
            return too_many_requests(retry_after)
        return super().__call__(on_site(request), *args, **kwargs)

    def title(self):
        return str(settings.SITE_NAME)

    def subtitle(self):
        return _("The latest statements of the observatory")

    def description(self):
        # RSS only (Atom writes the subtitle, as text): readers take a channel description as HTML.
        return escape(self.subtitle())

    def link(self):
        return reverse("statements:home")

    def feed_url(self):
        return reverse("statements:feed")

    def statements(self):
        return Statement.objects.published().newest_first().for_cards().prefetch_related("tags")

    def items(self):
        return self.statements()[:FEED_LENGTH]

    def item_title(self, item):
        return item.text_in(get_language()).title or _("Untitled statement")

    def item_description(self, item):
        return escape(statement_summary(item.text_in(get_language())))

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.published_on, datetime.time.min))

    def item_updateddate(self, item):
        # A scheduled statement reaches readers when its moment comes, even if it was last edited before.
        return max(item.updated_at, item.publish_at or item.updated_at, self.item_pubdate(item))

    def item_extra_kwargs(self, item):
        # The language the entry's title and summary are written in, which is not the feed's on a fallback.
        return {"lang": item.text_in(get_language()).lang}

    def item_enclosures(self, item):
        # The stored picture itself: its type and length are known from the upload, with no look-up per item.
        picture = lead_image(item, get_language())
        if picture is None or not item.lead_image_size:
            return []
        return [Enclosure(default_storage.url(picture.name), str(item.lead_image_size), content_type(picture.name))]

    def get_feed(self, obj, request):
        """Enclosure addresses made absolute, as Django makes the links (an S3 address already is)."""
        feed = super().get_feed(obj, request)
        domain, secure = RequestSite(request).domain, request.is_secure()
        for entry in feed.items:
            entry["enclosures"] = [
                Enclosure(add_domain(domain, e.url, secure), e.length, e.mime_type) for e in entry["enclosures"]
            ]
        return feed

    def item_categories(self, item):
        lang = get_language()
        return [tag.name_in(lang)[0] for tag in item.tags.all()]


class LatestStatementsRssFeed(LatestStatementsFeed):
    feed_type = RssFeedWithItemLanguages

    def feed_url(self):
        return reverse("statements:feed_rss")


class UnknownKeyword(Http404):
    """No live keyword has the slug (an old slug may still lead to one); a hidden live keyword is a plain 404."""


class TagFeed(LatestStatementsFeed):
    """The latest public statements carrying one keyword; an unknown keyword is a 404.

    A keyword merged into another keeps its feed address, as it keeps its page: it moves for good to the feed
    of the keyword it joined, so feed readers follow it.
    """

    url_name = "statements:tag_feed"

    def __call__(self, request, slug):
        try:
            return super().__call__(request, slug=slug)
        except UnknownKeyword:
            # Looked up only when no live keyword has the slug: a live keyword always wins over an old slug.
            moved = TagRedirect.objects.select_related("tag").filter(old_slug=slug).first()
            if moved is None:
                raise
            return HttpResponsePermanentRedirect(reverse(self.url_name, args=[moved.tag.slug]))

    def get_object(self, request, slug):
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise UnknownKeyword("No keyword has this slug.")
        return tag

    def title(self, obj):
        return _("%(keyword)s · %(site)s") % {"keyword": obj.name_in(get_language())[0], "site": settings.SITE_NAME}

    def subtitle(self, obj):
        return _("The latest statements with the keyword “%(keyword)s”") % {"keyword": obj.name_in(get_language())[0]}

    def description(self, obj):
        return escape(self.subtitle(obj))

    def link(self, obj):
        return obj.get_absolute_url()

    def feed_url(self, obj):
        return reverse(self.url_name, args=[obj.slug])

    def items(self, obj):
        items = list(self.statements().filter(tags=obj)[:FEED_LENGTH])
        if not items:
            # A keyword that no public statement carries yet (its statements are drafts or scheduled) is
            # not public either: its feed would give its names away.
            raise Http404("No public statement has this keyword.")
        return items


class TagRssFeed(TagFeed):
    feed_type = RssFeedWithItemLanguages
    url_name = "statements:tag_feed_rss"
