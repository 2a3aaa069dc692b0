from dataclasses import dataclass
from uuid import uuid4

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from statements.images.lead import languages_missing_alt_text
from statements.languages import LANGUAGE_CODES, TEXT_DIRECTION
from statements.text.normalize import normalize
from statements.text.plain import reading_minutes, visible_text, word_count
from statements.text.sanitize import has_bidi_controls, sanitize_html, url_scheme

BODY_PEEK_CHARS = 2000
BODY_FIELDS = tuple(f"body_{lang}" for lang in LANGUAGE_CODES)
HEAD_SUFFIX = "_head"  # the opening of a body, as ``for_cards()`` reads it
TEXT_FIELDS = tuple(f"{name}_{lang}" for lang in LANGUAGE_CODES for name in ("title", "summary", "body"))


class StaleVersion(Exception):
    """The statement was saved by someone else since this copy of it was loaded."""


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

    def scheduled(self, now=None):
        """Published, but waiting for a later moment: what ``published()`` leaves out until then."""
        now = now or timezone.now()
        return self.filter(status=Statement.Status.PUBLISHED, publish_at__gt=now)

    def newest_first(self):
        return self.order_by("-published_on", "-id")

    def for_cards(self):
        """Statements as lists and feeds show them: every field but the bodies, of which only the opening is read.

        A card or feed entry shows a title and a summary or a bounded excerpt, so a page listing the longest
        statements reads no more than one listing short ones. ``text_in`` then carries that opening as the body.
        """
        return self.defer("body", *BODY_FIELDS).annotate(
            **{f"{field}{HEAD_SUFFIX}": Substr(field, 1, BODY_PEEK_CHARS) for field in BODY_FIELDS}
        )


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
    uuid = models.UUIDField(
        _("permanent identifier"),
        default=uuid4,
        unique=True,
        editable=False,
        help_text=_("Identifies the statement across exports and imports; never changes."),
    )
    # The lead image lives on the statement (see docs/images.md): its alt text and caption describe it in the
    # context of this statement, and are checked against its languages when it is published. Files are named
    # by their content, so the same picture on two statements is stored once.
    lead_image = models.ImageField(
        _("lead image"),
        upload_to="lead/",
        max_length=200,
        blank=True,
        help_text=_("JPEG, PNG or WebP, at most 10 MB and 40 megapixels. Location and camera data are removed."),
    )
    lead_image_width = models.PositiveIntegerField(_("lead image width"), null=True, blank=True, editable=False)
    lead_image_height = models.PositiveIntegerField(_("lead image height"), null=True, blank=True, editable=False)
    lead_image_size = models.PositiveIntegerField(_("lead image size in bytes"), null=True, blank=True, editable=False)
    lead_image_alt = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_("What the picture shows, for readers who cannot see it. Required with an image on publication."),
    )
    lead_image_caption = models.CharField(_("caption"), max_length=500, blank=True)
    lead_image_credit = models.CharField(_("credit"), max_length=200, blank=True)
    lead_image_focus_x = models.PositiveSmallIntegerField(
        _("focal point, from the left (%)"),
        default=50,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Where the subject is, so the 1200×630 link-preview crop keeps it."),
    )
    lead_image_focus_y = models.PositiveSmallIntegerField(
        _("focal point, from the top (%)"), default=50, blank=True, validators=[MaxValueValidator(100)]
    )
    text_edited_at_ar = models.DateTimeField(_("Arabic text last edited"), null=True, blank=True, editable=False)
    text_edited_at_en = models.DateTimeField(_("English text last edited"), null=True, blank=True, editable=False)
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
        if self._state.adding:
            self._stamp_text_edits(stored=None, update_fields=kwargs.get("update_fields"))
            super().save(*args, **kwargs)
        elif kwargs.get("update_fields") is not None and not kwargs["update_fields"]:
            super().save(*args, **kwargs)  # writes nothing, so it is no new version either
        else:
            self._save_over_version(*args, **kwargs)

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

    def _has_title(self, lang):
        return bool(getattr(self, f"title_{lang}", ""))

    def _body(self, lang):
        """The body in ``lang``; for a statement read by ``for_cards()``, its opening (the body is not loaded)."""
        field = f"body_{lang}"
        if field not in self.__dict__ and f"{field}{HEAD_SUFFIX}" in self.__dict__:
            return self.__dict__[f"{field}{HEAD_SUFFIX}"] or ""
        return getattr(self, field, "") or ""

    def _has_body(self, lang):
        body = self._body(lang)
        # The opening nearly always tells: every card and feed entry asks, and must not read a long body whole.
        head = body[:BODY_PEEK_CHARS]
        if head.rfind("<") > head.rfind(">"):
            head = head[: head.rfind("<")]  # a tag cut in two is no text
        if visible_text(head):
            return True
        return len(body) > BODY_PEEK_CHARS and bool(visible_text(body))

    def has_language(self, lang):
        return self._has_title(lang) or self._has_body(lang)

    @property
    def languages(self):
        """The languages the statement is written in (title or body), Arabic first."""
        return [lang for lang in LANGUAGE_CODES if self.has_language(lang)]

    def text_in(self, lang):
        """The statement's text for a page in ``lang``: its own version, or the other one, marked.

        A statement written in one language only is still shown under the other, never empty.
        """
        source = self._display_language(lang)
        return StatementText(
            lang=source,
            dir=TEXT_DIRECTION[source],
            is_fallback=source != lang,
            title=getattr(self, f"title_{source}", "") or "",
            summary=getattr(self, f"summary_{source}", "") or "",
            body=self._body(source),
        )

    def _display_language(self, lang):
        """``lang`` when its version is complete (title and body); else the most complete version, ``lang`` first."""
        candidates = [lang, *(code for code in LANGUAGE_CODES if code != lang)]
        for test in (lambda c: self._has_title(c) and self._has_body(c), self._has_body, self._has_title):
            for code in candidates:
                if test(code):
                    return code
        return lang

    def clean(self):
        """At least one language is written; a published statement's versions are whole (title and body) or absent.

        Drafts may be partial: an editor saves a title before the body is written.
        """
        super().clean()
        errors = self._length_errors()
        if errors:
            # Refused before anything else reads the text: checking a book-length body costs seconds.
            raise ValidationError(errors)
        for lang in LANGUAGE_CODES if self.status == self.Status.PUBLISHED else ():
            title = (getattr(self, f"title_{lang}", "") or "").strip()
            body = visible_text(sanitize_html(getattr(self, f"body_{lang}", "") or ""))
            if body and not title:
                errors[f"title_{lang}"] = _("A version with a body needs a title.")
            if title and not body:
                errors[f"body_{lang}"] = _("A version with a title needs a body.")
        if not errors and not self.languages:
            errors["title_ar"] = _("Write the statement in Arabic, in English, or in both.")
        if self.status == self.Status.PUBLISHED:
            for lang in languages_missing_alt_text(self):
                errors[f"lead_image_alt_{lang}"] = _(
                    "A published statement's image needs its alternative text in each language it is written in."
                )
        if errors:
            raise ValidationError(errors)

    def _length_errors(self):
        """Summaries and bodies within the size limits of the settings (docs/import.md)."""
        errors = {}
        for lang in LANGUAGE_CODES:
            for name, limit in (
                ("summary", settings.STATEMENT_MAX_SUMMARY_CHARS),
                ("body", settings.STATEMENT_MAX_BODY_CHARS),
            ):
                length = len(getattr(self, f"{name}_{lang}", "") or "")
                if length > limit:
                    errors[f"{name}_{lang}"] = ValidationError(
                        _("At most %(limit)s characters (this text has %(length)s)."),
                        code="too_long",
                        params={"limit": f"{limit:,}", "length": f"{length:,}"},
                    )
        return errors

    def _save_over_version(self, *args, **kwargs):
        """Save only if the stored version is still the one this copy was loaded at, and count one more.

        The check and the increment are one conditional UPDATE, so of two simultaneous saves based on
        the same version exactly one wins and the other raises ``StaleVersion``: nothing is overwritten.
        """
        manager = type(self)._default_manager
        update_fields = kwargs.get("update_fields")
        with transaction.atomic(using=kwargs.get("using") or manager.db):
            claimed = manager.filter(pk=self.pk, version=self.version).update(version=models.F("version") + 1)
            if not claimed:
                raise StaleVersion(self.pk)
            stored = manager.filter(pk=self.pk).values(*TEXT_FIELDS).first()
            self.version += 1
            try:
                update_fields = self._stamp_text_edits(stored=stored, update_fields=update_fields)
                if update_fields is not None:
                    kwargs["update_fields"] = {*update_fields, "version"}
                super().save(*args, **kwargs)
            except BaseException:
                self.version -= 1
                raise

    def _language_text(self, values, lang):
        return tuple(visible_text(values.get(f"{name}_{lang}")) for name in ("title", "summary", "body"))

    def _stamp_text_edits(self, *, stored, update_fields):
        """Note when each language's text last changed, so a translation older than its original shows.

        Markup-only changes (an editor re-wrapping paragraphs) do not count: only the words a reader sees.
        """
        now = timezone.now()
        current = {name: getattr(self, name) for name in TEXT_FIELDS}
        written = None if update_fields is None else set(update_fields)
        stamped = set()
        for lang in LANGUAGE_CODES:
            if written is not None and not written & {f"{name}_{lang}" for name in ("title", "summary", "body")}:
                continue  # this language's text is not being written
            new = self._language_text(current, lang)
            old = self._language_text(stored, lang) if stored is not None else ("", "", "")
            if new != old:
                setattr(self, f"text_edited_at_{lang}", now)
                stamped.add(f"text_edited_at_{lang}")
        if update_fields is not None:
            return {*update_fields, *stamped}
        return None

    def word_count(self, lang):
        return word_count(getattr(self, f"summary_{lang}", ""), getattr(self, f"body_{lang}", ""))

    def reading_minutes(self, lang):
        return reading_minutes(self.word_count(lang), lang)

    @property
    def translation_is_stale(self):
        """True when the Arabic text was edited after the English one: the translation may be out of date."""
        if not (self.has_language("ar") and self.has_language("en")):
            return False
        ar, en = self.text_edited_at_ar, self.text_edited_at_en
        return ar is not None and (en is None or ar > en)


@dataclass(frozen=True, kw_only=True)
class StatementText:
    lang: str
    dir: str
    is_fallback: bool
    title: str
    summary: str
    body: str


class TagQuerySet(models.QuerySet):
    def matching(self, name):
        """Tags whose Arabic or English name is ``name`` once diacritics, tatweel, hamza forms and case are folded."""
        key = normalize(name).strip()
        if not key:
            return self.none()
        return self.filter(models.Q(key_ar=key) | models.Q(key_en=key))


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
        # The last word on duplicates, should two editors add the same keyword at the same moment.
        constraints = [
            models.UniqueConstraint(fields=["key_ar"], condition=~models.Q(key_ar=""), name="tag_unique_key_ar"),
            models.UniqueConstraint(fields=["key_en"], condition=~models.Q(key_en=""), name="tag_unique_key_en"),
        ]

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

    def validate_unique(self, exclude=None):
        """Refuse a name that folds (diacritics, tatweel, hamza forms, case) onto another keyword's name."""
        errors = {}
        try:
            super().validate_unique(exclude=exclude)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        for field, error in self.duplicate_name_errors(exclude).items():
            errors.setdefault(field, []).append(error)
        if errors:
            raise ValidationError(errors)

    def duplicate_name_errors(self, exclude=None):
        errors = {}
        for lang in LANGUAGE_CODES:
            field = f"name_{lang}"
            if exclude and field in exclude:
                continue
            existing = Tag.objects.matching(getattr(self, field, "") or "").exclude(pk=self.pk).first()
            if existing is not None:
                errors[field] = ValidationError(existing.duplicate_message(), code="duplicate_keyword")
        return errors

    def duplicate_message(self):
        """A form error that names this keyword and links to its admin page."""
        return format_html(
            _('This keyword already exists as “<a href="{url}">{name}</a>”. Use it, or rename this one.'),
            url=reverse("admin:statements_tag_change", args=[self.pk]),
            name=str(self),
        )

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


class TagRedirect(models.Model):
    """The slug of a keyword merged into another: its old page moves for good to the keyword it joined."""

    old_slug = models.SlugField(_("old slug"), max_length=220, unique=True, allow_unicode=True)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="redirects", verbose_name=_("keyword"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("keyword redirect")
        verbose_name_plural = _("keyword redirects")
        ordering = ["old_slug"]

    def __str__(self):
        return f"{self.old_slug} → {self.tag.slug}"


SOURCE_SCHEMES = {"http", "https"}


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

    def clean(self):
        """A source is a web page: http or https, and no bidirectional controls that make it read as another."""
        super().clean()
        if not isinstance(self.url, str) or not self.url:
            return
        if has_bidi_controls(self.url):
            raise ValidationError(
                {"url": _("This address holds invisible direction characters that can make it read as another.")},
                code="bidi_controls",
            )
        if url_scheme(self.url) not in SOURCE_SCHEMES:
            raise ValidationError({"url": _("Enter a web address starting with http:// or https://.")}, code="scheme")


class StatusChange(models.Model):
    """One change of a statement's publication state: who made it and when.

    Publishing or discarding a change that waited for review is recorded here too (``event``): the status
    stays, what the public reads changes (or is confirmed).
    """

    class Event(models.TextChoices):
        STATUS = "", _("Status changed")
        PENDING_PUBLISHED = "pending_published", _("Change awaiting review published")
        PENDING_DISCARDED = "pending_discarded", _("Change awaiting review discarded")

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("statement")
    )
    from_status = models.CharField(_("from"), max_length=10, choices=Statement.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=10, choices=Statement.Status.choices)
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True)
    event = models.CharField(_("event"), max_length=20, choices=Event.choices, default=Event.STATUS, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-changed_at", "-id"]

    def __str__(self):
        if self.event:
            return str(self.get_event_display())
        return f"{self.get_from_status_display() or '—'} → {self.get_to_status_display()}"


class PendingChange(models.Model):
    """An Editor's change to a public or scheduled statement, held back until a publisher publishes or discards it.

    The public version stays in the Statement row, which ``published()`` and every public surface read; the
    proposed one is a django-reversion revision of its own (the statement and its sources as they would be),
    so the history and its compare view show it beside the published text. One per statement: a later
    proposal replaces an earlier one (which stays in the history).
    """

    statement = models.OneToOneField(
        Statement, on_delete=models.CASCADE, related_name="pending_change", verbose_name=_("statement")
    )
    revision = models.OneToOneField(
        "reversion.Revision", on_delete=models.CASCADE, related_name="+", verbose_name=_("revision")
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    # The statement's version when the change was proposed: a later publisher's save shows as such.
    base_version = models.PositiveIntegerField(_("based on version"))

    class Meta:
        verbose_name = _("change awaiting review")
        verbose_name_plural = _("changes awaiting review")

    def __str__(self):
        return str(self.statement)


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
