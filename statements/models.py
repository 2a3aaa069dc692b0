from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .sanitize import sanitize_html
from .textnorm import normalize

LANGUAGE_CODES = ("ar", "en")
TEXT_DIRECTION = {"ar": "rtl", "en": "ltr"}


def short_slug(text, limit=80):
    slug = slugify(text or "", allow_unicode=True)
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "statement"


class StatementQuerySet(models.QuerySet):
    def published(self, now=None):
        """What the public may see: published, and not scheduled for a later moment.

        Every public page, count, feed, sitemap and search goes through this one method.
        """
        now = now or timezone.now()
        return self.filter(status=Statement.Status.PUBLISHED).filter(
            models.Q(publish_at__isnull=True) | models.Q(publish_at__lte=now)
        )

    def newest_first(self):
        return self.order_by("-published_on", "-id")


class Statement(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=500, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True, help_text=_("Sanitised on save."))
    published_on = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("A published statement stays hidden until this moment; leave empty to publish at once."),
    )
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True, blank=True, editable=False)
    tags = models.ManyToManyField("Tag", verbose_name=_("keywords"), related_name="statements", blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["-published_on", "-id"]
        permissions = [("publish_statement", _("Can publish, unpublish and schedule statements"))]
        indexes = [
            models.Index(fields=["status", "published_on"], name="statement_status_date"),
            # Covers published() and newest-first ordering without reading the statement rows (search).
            models.Index(fields=["status", "-published_on", "-id", "publish_at"], name="statement_visible_newest"),
        ]

    def __str__(self):
        return self.title_ar or self.title_en or f"#{self.pk}"

    def save(self, *args, **kwargs):
        for lang in LANGUAGE_CODES:
            field = f"body_{lang}"
            setattr(self, field, sanitize_html(getattr(self, field)))
            for plain in ("title", "summary"):
                name = f"{plain}_{lang}"
                setattr(self, name, (getattr(self, name) or "").strip())
        if not self.slug:
            # Derived once: the id carries the permanent link, the slug only reads well.
            self.slug = short_slug(self.title_en or self.title_ar)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("statements:detail", args=[self.pk, self.slug or "statement"])

    def get_print_url(self):
        return reverse("statements:print", args=[self.pk])

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and (self.publish_at is None or self.publish_at <= timezone.now())

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.publish_at is not None and self.publish_at > timezone.now()

    def has_language(self, lang):
        return bool(getattr(self, f"title_{lang}", "") or strip_tags(getattr(self, f"body_{lang}", "") or "").strip())

    @cached_property
    def languages(self):
        return [lang for lang in LANGUAGE_CODES if self.has_language(lang)]

    def text_in(self, lang):
        """The statement's text for a page in ``lang``: its own version, or the other one, marked.

        A statement written in one language only is still shown under the other, never empty.
        """
        source = lang if self.has_language(lang) else next((code for code in self.languages), lang)
        return StatementText(
            lang=source,
            dir=TEXT_DIRECTION[source],
            is_fallback=source != lang,
            title=getattr(self, f"title_{source}", "") or "",
            summary=getattr(self, f"summary_{source}", "") or "",
            body=getattr(self, f"body_{source}", "") or "",
        )


class StatementText:
    def __init__(self, *, lang, dir, is_fallback, title, summary, body):
        self.lang, self.dir, self.is_fallback = lang, dir, is_fallback
        self.title, self.summary, self.body = title, summary, body


class TagQuerySet(models.QuerySet):
    def matching(self, name):
        """Tags whose Arabic or English name is ``name`` once diacritics, tatweel, hamza forms and case are folded."""
        key = normalize(name).strip()
        if not key:
            return self.none()
        return self.filter(models.Q(key_ar=key) | models.Q(key_en=key))

    def with_public_counts(self):
        """Tags with ``public_count``: how many public statements carry them (only tags with one or more)."""
        public = Statement.objects.published()
        return self.annotate(
            public_count=models.Count("statements", filter=models.Q(statements__in=public), distinct=True)
        ).filter(public_count__gt=0)


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, allow_unicode=True, blank=True)
    key_ar = models.CharField(max_length=200, blank=True, db_index=True, editable=False)
    key_en = models.CharField(max_length=200, blank=True, db_index=True, editable=False)

    objects = TagQuerySet.as_manager()

    class Meta:
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")
        ordering = ["key_ar", "key_en"]

    def __str__(self):
        return self.name_ar or self.name_en or self.slug

    def save(self, *args, **kwargs):
        self.name_ar = (self.name_ar or "").strip()
        self.name_en = (self.name_en or "").strip()
        self.key_ar = normalize(self.name_ar)
        self.key_en = normalize(self.name_en)
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("statements:tag", args=[self.slug])

    def _unique_slug(self):
        base = (
            slugify(self.name_en or "", allow_unicode=True) or slugify(self.name_ar or "", allow_unicode=True) or "tag"
        )
        base = base[:200]
        slug, n = base, 2
        while Tag.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def name_in(self, lang):
        """(name, lang) for a page in ``lang``, falling back to the other language's name."""
        own = getattr(self, f"name_{lang}", "")
        if own:
            return own, lang
        other = "en" if lang == "ar" else "ar"
        return getattr(self, f"name_{other}", "") or self.slug, other


class SourceLink(models.Model):
    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="sources", verbose_name=_("statement")
    )
    url = models.URLField(_("URL"), max_length=2000)
    title = models.CharField(_("title"), max_length=500, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("source link")
        verbose_name_plural = _("source links")
        ordering = ["position", "id"]

    def __str__(self):
        return self.title or self.url


class SearchDocument(models.Model):
    """A statement's words as the search index holds them, rebuilt whenever the statement, its tags or its text change.

    Visibility is not stored here: every search goes through ``Statement.objects.published()``.
    On PostgreSQL ``vector`` holds the weighted tsvector (GIN-indexed) and ``head`` its title, keyword
    and summary part for ranking; on SQLite the terms live in
    the FTS5 table ``statements_search_fts`` and both vectors stay empty.
    """

    statement = models.OneToOneField(
        Statement,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
        verbose_name=_("statement"),
    )
    vector = SearchVectorField(_("search vector"), null=True, editable=False)
    # Title, keywords and summary only (weights A and B): small enough to stay in the row, so ranking
    # a thousand candidates never reads their whole text back.
    head = SearchVectorField(_("search vector of title and summary"), null=True, editable=False)
    indexed_at = models.DateTimeField(_("indexed at"), auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return str(self.statement_id)
