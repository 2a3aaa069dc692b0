"""The API's endpoints. Everything they show comes through ``Statement.objects.published()``, as on the site."""

from urllib.parse import urlencode

from django.db.models import Prefetch, Q
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from observatory.site_address import absolute
from statements.api import params
from statements.api.serializers import (
    BadParameterProblemSerializer,
    IndexSerializer,
    KeywordListSerializer,
    KeywordSerializer,
    ProblemSerializer,
    StatementPageSerializer,
    StatementSerializer,
)
from statements.discovery.keyword_counts import most_used_tags, public_tag
from statements.models import SourceLink, Statement, Tag, TagRedirect
from statements.search.query import parse, search
from statements.views import MAX_ID

# Shared caches and browsers may keep an answer this long; a conditional request (ETag) revalidates it cheaply.
CACHE_SECONDS = 60
# The strict policy the documentation page works under: its scripts and styles are files of this site.
DOCS_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"
)

PROBLEM_TYPE = "application/problem+json"
NOT_FOUND = {(404, PROBLEM_TYPE): OpenApiResponse(ProblemSerializer, description="Not found, or not public.")}
COMMON_ERRORS = {
    (304, "application/json"): OpenApiResponse(description="Not modified: `If-None-Match` named the current `ETag`."),
    (400, PROBLEM_TYPE): OpenApiResponse(
        BadParameterProblemSerializer, description="An unknown parameter, one given twice, or an unreadable value."
    ),
    (405, PROBLEM_TYPE): OpenApiResponse(ProblemSerializer, description="The API only reads (GET, HEAD)."),
    (429, PROBLEM_TYPE): OpenApiResponse(
        ProblemSerializer, description="Too many requests from this client: wait the seconds `Retry-After` says."
    ),
}


class PublicReadView(APIView):
    # An anonymous, read-only endpoint whose answers any cache may keep, validated by their ``ETag``.

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Every answer holds both languages (the site's middleware would name the negotiated one alone).
        response.headers.setdefault("Content-Language", "ar, en")
        if response.status_code in (200, 301) and request.method in ("GET", "HEAD"):
            patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        if response.status_code == 200 and request.method in ("GET", "HEAD"):
            # The ETag is the answer's own digest: a scheduled statement going live changes it although
            # nothing was saved, which a key built from the content generation alone would miss.
            response.render()
            set_response_etag(response)
            return get_conditional_response(request._request, etag=response.headers["ETag"], response=response)
        return response


def _statement_queryset():
    # Into plain lists (to_attr): Django then skips building a queryset per statement for each relation,
    # which cost more than the two prefetch queries themselves on a page of 20.
    return Statement.objects.published().prefetch_related(
        Prefetch("tags", queryset=Tag.objects.only("slug", "name_ar", "name_en"), to_attr="keyword_list"),
        Prefetch("sources", queryset=SourceLink.objects.all(), to_attr="source_list"),
    )


def _page_url(request, query, cursor):
    if cursor is None:
        return None
    return absolute(f"{request.path}?{urlencode({**query, 'cursor': cursor.encode()})}")


def _older_than(day, pk):
    """After (day, pk) in the newest-first order. The bare bound on the day is what the database can seek to
    in the visibility index; the rest only sorts out that one day (the OR alone walked every newer row)."""
    return Q(published_on__lte=day) & (Q(published_on__lt=day) | Q(published_on=day, id__lt=pk))


def _newer_than(day, pk):
    """Before (day, pk) in the newest-first order."""
    return Q(published_on__gte=day) & (Q(published_on__gt=day) | Q(published_on=day, id__gt=pk))


def _keyword(slug):
    """The keyword at ``slug``, following a merged keyword's old slug to the one it joined; None if neither."""
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        moved = TagRedirect.objects.select_related("tag").filter(old_slug=slug).first()
        tag = moved.tag if moved else None
    return tag


class StatementList(PublicReadView):
    allowed = ("tag", "since", "until", "lang", "q", "cursor", "limit")

    @extend_schema(
        operation_id="statements_list",
        summary="Public statements, newest first",
        parameters=[
            OpenApiParameter("tag", str, description="Only statements with this keyword (slug; a merged slug works)."),
            OpenApiParameter("since", OpenApiTypes.DATE, description="Dated on or after this day (YYYY-MM-DD)."),
            OpenApiParameter("until", OpenApiTypes.DATE, description="Dated on or before this day (YYYY-MM-DD)."),
            OpenApiParameter("lang", str, enum=["ar", "en"], description="Only statements written in this language."),
            OpenApiParameter(
                "q",
                str,
                description='Words to search for, as on the site\'s search page (both languages, "phrases", '
                "-excluded words); results come best ranked first instead of newest first.",
            ),
            OpenApiParameter("cursor", str, description="Opaque: taken from a `next` or `previous` link."),
            OpenApiParameter(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": params.MAX_LIMIT},
                description=f"Statements a page (default {params.DEFAULT_LIMIT}).",
            ),
        ],
        description="Filters combine. Without `q` the order is newest first and a `next` link keeps its place "
        "even while statements are published; with `q` the order is the site search's ranking.",
        responses={200: StatementPageSerializer, **COMMON_ERRORS},
    )
    def get(self, request):
        query = params.read(request, self.allowed)
        since = params.date("since", query.get("since"))
        until = params.date("until", query.get("until"))
        lang = params.language("lang", query.get("lang"))
        limit = params.limit("limit", query.get("limit"))
        cursor = params.Cursor.decode("cursor", query.get("cursor"))
        words = parse(query.get("q", ""))
        query.pop("cursor", None)

        statements = _statement_queryset()
        if "tag" in query:
            tag = _keyword(query["tag"])
            statements = statements.filter(tags=tag) if tag else statements.none()
        if since:
            statements = statements.filter(published_on__gte=since)
        if until:
            statements = statements.filter(published_on__lte=until)
        if lang:
            statements = statements.filter(~Q(**{f"title_{lang}": ""}) | ~Q(**{f"body_{lang}": ""}))

        if query.get("q", "").strip():
            # As on the search page, a query of nothing searchable (only stop words or exclusions) finds nothing.
            page, previous, following = self._ranked(statements, words, cursor, limit)
        else:
            page, previous, following = self._newest(statements, cursor, limit)
        serializer = StatementSerializer(page, many=True, context={"request": request})
        links = {"next": _page_url(request, query, following), "previous": _page_url(request, query, previous)}
        # The same links as RFC 8288 headers, for clients that page without reading the body.
        header = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items() if url)
        return Response({"results": serializer.data, **links}, headers={"Link": header} if header else None)

    def _newest(self, statements, cursor, limit):
        """A page of the newest-first order from a (date, id) position: the same page whatever is published since."""
        if cursor is not None and cursor.is_offset:
            raise params.BadParameter({"cursor": "a search cursor, given without q"})
        newest = statements.order_by("-published_on", "-id")
        if cursor is None:
            rows = list(newest[: limit + 1])
            return rows[:limit], None, (params.Cursor.after(rows[limit - 1]) if len(rows) > limit else None)
        day, pk = cursor.position
        if cursor.direction == "a":
            rows = list(newest.filter(_older_than(day, pk))[: limit + 1])
            page = rows[:limit]
            following = params.Cursor.after(page[-1]) if len(rows) > limit else None
            earlier = newest.filter(_newer_than(day, pk - 1)).exists()
            previous = params.Cursor.before(page[0]) if page and earlier else None
            if not page and earlier:
                previous = params.Cursor(
                    "b", (day, max(pk - 1, 0))
                )  # the page that ends with the cursor's own statement
            return page, previous, following
        oldest_first = statements.order_by("published_on", "id")
        rows = list(oldest_first.filter(_newer_than(day, pk))[: limit + 1])
        page = rows[:limit][::-1]
        previous = params.Cursor.before(page[0]) if len(rows) > limit else None
        following = params.Cursor.after(page[-1]) if page else params.Cursor("a", (day, pk + 1))
        return page, previous, following

    def _ranked(self, statements, words, cursor, limit):
        """A page of the site's search results (same normaliser, same ranking), narrowed by the other filters."""
        if cursor is not None and not cursor.is_offset:
            raise params.BadParameter({"cursor": "a list cursor, given with q"})
        offset = cursor.offset if cursor else 0
        ranked = search(words).ids
        kept = set(statements.filter(pk__in=ranked).values_list("pk", flat=True))
        ranked = [pk for pk in ranked if pk in kept]
        ids = ranked[offset : offset + limit]
        found = _statement_queryset().in_bulk(ids)
        page = [found[pk] for pk in ids if pk in found]
        following = params.Cursor.at(offset + limit) if offset + limit < len(ranked) else None
        previous = params.Cursor.at(max(0, offset - limit)) if offset > 0 else None
        return page, previous, following


class StatementDetail(PublicReadView):
    @extend_schema(
        operation_id="statements_retrieve",
        summary="One public statement",
        description="Drafts, statements in review and scheduled ones are not found (404), as on the site.",
        responses={200: StatementSerializer, **NOT_FOUND, **COMMON_ERRORS},
    )
    def get(self, request, pk):
        params.read(request, ())
        statement = _statement_queryset().filter(pk=pk).first() if pk <= MAX_ID else None
        if statement is None:
            raise NotFound("No public statement has this id.")
        return Response(StatementSerializer(statement, context={"request": request}).data)


class KeywordList(PublicReadView):
    @extend_schema(
        operation_id="tags_list",
        summary="Keywords of public statements, most used first",
        description="Every keyword at least one public statement carries, with the number of those statements.",
        responses={200: KeywordListSerializer, **COMMON_ERRORS},
    )
    def get(self, request):
        params.read(request, ())
        tags = most_used_tags(None)
        return Response({"results": KeywordSerializer(tags, many=True, context={"request": request}).data})


class KeywordDetail(PublicReadView):
    @extend_schema(
        operation_id="tags_retrieve",
        summary="One keyword with its public count",
        description="A merged keyword's old slug moves permanently (301) to the keyword it joined.",
        responses={
            200: KeywordSerializer,
            301: OpenApiResponse(description="The keyword was merged: `Location` is the one it joined."),
            **NOT_FOUND,
            **COMMON_ERRORS,
        },
    )
    def get(self, request, slug):
        params.read(request, ())
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            moved = TagRedirect.objects.select_related("tag").filter(old_slug=slug).first()
            if moved is not None:
                return HttpResponsePermanentRedirect(reverse("api:tag", args=[moved.tag.slug]))
        tag = public_tag(tag)
        if tag is None:
            raise NotFound("No keyword of public statements has this slug.")
        return Response(KeywordSerializer(tag, context={"request": request}).data)


class Index(PublicReadView):
    @extend_schema(
        operation_id="index",
        summary="Where the API's parts are",
        description="Links to the endpoints, the OpenAPI description and the documentation page.",
        responses={200: IndexSerializer, **COMMON_ERRORS},
    )
    def get(self, request):
        params.read(request, ())
        return Response({name: absolute(reverse(f"api:{name}")) for name in ("statements", "tags", "openapi", "docs")})


class OpenAPIDescription(SpectacularJSONAPIView):
    pass


class Documentation(SpectacularSwaggerSplitView):
    # Swagger UI from the site's own static files; its start-up script is a file too (no inline script).

    url_name = "api:openapi"
    template_name = "api/docs.html"

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response.headers.setdefault("Content-Security-Policy", DOCS_CONTENT_SECURITY_POLICY)
        return response
