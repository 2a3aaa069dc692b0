"""What the API says about a statement and a keyword; the OpenAPI description is generated from these classes."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from observatory.site_address import absolute
from statements.languages import LANGUAGE_CODES
from statements.text.plain import visible_text


def page_urls(obj):
    """The object's page in each language: ``{"ar": …, "en": …}``."""
    urls = {}
    for lang in LANGUAGE_CODES:
        with translation.override(lang):
            urls[lang] = absolute(obj.get_absolute_url())
    return urls


class PageUrlsSerializer(serializers.Serializer):
    ar = serializers.URLField(help_text="The page in Arabic.")
    en = serializers.URLField(help_text="The page in English.")


class LanguageTextSerializer(serializers.Serializer):
    title = serializers.CharField(help_text="Empty when the statement is not written in this language.")
    summary = serializers.CharField()
    body = serializers.CharField(help_text="The sanitised HTML of the statement.")
    text = serializers.CharField(help_text="The body as plain text.")


class KeywordBriefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name_ar = serializers.CharField()
    name_en = serializers.CharField()


class SourceSerializer(serializers.Serializer):
    url = serializers.URLField()
    title = serializers.CharField()
    publisher = serializers.CharField()
    published_on = serializers.DateField(allow_null=True)


class ImageRenditionSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class LeadImageSerializer(serializers.Serializer):
    """Reserved for lead images: ``null`` until statements carry them."""

    alt_ar = serializers.CharField()
    alt_en = serializers.CharField()
    renditions = ImageRenditionSerializer(many=True)


class StatementSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="Permanent: the statement's number in its page addresses.")
    uuid = serializers.UUIDField(help_text="Permanent: the same across exports and imports.")
    url = serializers.SerializerMethodField(help_text="The statement's canonical page in each language.")
    published_on = serializers.DateField()
    updated_at = serializers.DateTimeField()
    languages = serializers.ListField(
        child=serializers.ChoiceField(choices=list(LANGUAGE_CODES)), help_text="The languages it is written in."
    )
    ar = serializers.SerializerMethodField()
    en = serializers.SerializerMethodField()
    # Lists the views prefetch (no query per statement).
    tags = KeywordBriefSerializer(many=True, source="keyword_list")
    sources = SourceSerializer(many=True, source="source_list")
    image = serializers.SerializerMethodField(help_text="The lead image; null while statements have none.")

    @extend_schema_field(PageUrlsSerializer)
    def get_url(self, statement):
        return page_urls(statement)

    def _text(self, statement, lang):
        body = getattr(statement, f"body_{lang}") or ""
        return {
            "title": getattr(statement, f"title_{lang}") or "",
            "summary": getattr(statement, f"summary_{lang}") or "",
            "body": body,
            "text": visible_text(body),
        }

    @extend_schema_field(LanguageTextSerializer)
    def get_ar(self, statement):
        return self._text(statement, "ar")

    @extend_schema_field(LanguageTextSerializer)
    def get_en(self, statement):
        return self._text(statement, "en")

    @extend_schema_field(LeadImageSerializer(allow_null=True))
    def get_image(self, statement):
        return None


class StatementPageSerializer(serializers.Serializer):
    results = StatementSerializer(many=True)
    next = serializers.URLField(allow_null=True, help_text="The following (older) page; null on the last.")
    previous = serializers.URLField(allow_null=True, help_text="The preceding (newer) page; null on the first.")


class KeywordSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name_ar = serializers.CharField()
    name_en = serializers.CharField()
    count = serializers.IntegerField(source="public_count", help_text="Public statements carrying the keyword.")
    url = serializers.SerializerMethodField(help_text="The keyword's page in each language.")
    statements = serializers.SerializerMethodField(help_text="Its statements in this API.")

    @extend_schema_field(PageUrlsSerializer)
    def get_url(self, tag):
        return page_urls(tag)

    @extend_schema_field(serializers.URLField())
    def get_statements(self, tag):
        path = f"{reverse('api:statements')}?{urlencode({'tag': tag.slug})}"
        return absolute(path)


class KeywordListSerializer(serializers.Serializer):
    results = KeywordSerializer(many=True)


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField(required=False)


class InvalidParameterSerializer(serializers.Serializer):
    name = serializers.CharField()
    reason = serializers.CharField()


class BadParameterProblemSerializer(ProblemSerializer):
    invalid_params = InvalidParameterSerializer(many=True)


class IndexSerializer(serializers.Serializer):
    statements = serializers.URLField()
    tags = serializers.URLField()
    openapi = serializers.URLField()
    docs = serializers.URLField()
