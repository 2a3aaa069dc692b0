"""The API speaks plain HTTP well: JSON in UTF-8, problem details for errors, ETag and 304, public caching,
CORS open for reading, and a per-client rate limit through the shared cache."""

import pytest

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json; charset=utf-8"


@pytest.fixture
def statement(make_statement, make_tag):
    return make_statement(tags=[make_tag(name_en="Daesh")])


def test_answers_are_json_in_utf8_with_arabic_written_as_it_is(client, statement):
    response = client.get(f"/api/v1/statements/{statement.pk}/")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert statement.title_ar.encode() in response.content


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("?page=-1", "page"),
        ("?since=yesterday", "since"),
        ("?until=2018-02-30", "until"),
        ("?lang=fr", "lang"),
        ("?limit=0", "limit"),
        ("?limit=101", "limit"),
        ("?limit=ten", "limit"),
        ("?cursor=not-a-cursor", "cursor"),
        ("?tag=a&tag=b", "tag"),
        ("?q=" + "x" * 501, "q"),
    ],
)
def test_a_bad_parameter_is_a_400_problem_naming_it(client, statement, query, parameter):
    response = client.get(f"/api/v1/statements/{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["type"] == "about:blank"
    assert problem["title"] == "Bad Request" and problem["status"] == 400
    assert problem["instance"] == "/api/v1/statements/"
    assert [item["name"] for item in problem["invalid_params"]] == [parameter]


def test_endpoints_without_parameters_refuse_any(client, statement):
    for url in ("/api/v1/", "/api/v1/tags/", f"/api/v1/statements/{statement.pk}/", "/api/v1/tags/daesh/"):
        response = client.get(f"{url}?format=xml")
        assert response.status_code == 400, url
        assert response["Content-Type"] == PROBLEM


def test_a_search_cursor_is_refused_without_q_and_a_list_cursor_with_it(client, make_statement):
    for n in range(3):
        make_statement(title_en=f"Extremism {n}", body_en="<p>x</p>")
    search_next = client.get("/api/v1/statements/?q=extremism&limit=1").json()["next"]
    list_next = client.get("/api/v1/statements/?limit=1").json()["next"]

    assert client.get(search_next.replace("q=extremism&", "")).status_code == 400
    assert client.get(list_next + "&q=extremism").status_code == 400


@pytest.mark.parametrize(
    "url",
    ["/api/v1/statements/999999999/", f"/api/v1/statements/{2**63}/", "/api/v1/nothing/", "/api/v1/statements/x/"],
)
def test_an_unknown_address_is_a_404_problem(client, url):
    response = client.get(url)

    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert response.json()["status"] == 404


def test_writing_is_a_405_problem_saying_what_is_allowed(client, statement):
    response = client.post("/api/v1/statements/", {"title": "x"})

    assert response.status_code == 405
    assert response["Content-Type"] == PROBLEM
    assert "GET" in response["Allow"] and "POST" not in response["Allow"]


def test_an_answer_carries_an_etag_and_a_matching_request_gets_304(client, statement):
    url = f"/api/v1/statements/{statement.pk}/"
    first = client.get(url)

    again = client.get(url, headers={"if-none-match": first["ETag"]})

    assert first["ETag"]
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]


def test_the_etag_changes_when_the_statement_does(client, statement):
    url = f"/api/v1/statements/{statement.pk}/"
    etag = client.get(url)["ETag"]
    statement.title_en = "Changed"
    statement.save()

    response = client.get(url, headers={"if-none-match": etag})

    assert response.status_code == 200 and response["ETag"] != etag


def test_answers_may_be_kept_by_public_caches(client, statement):
    for url in ("/api/v1/statements/", f"/api/v1/statements/{statement.pk}/", "/api/v1/tags/"):
        cache_control = client.get(url)["Cache-Control"]
        assert "public" in cache_control and "max-age=60" in cache_control, url


def test_any_origin_may_read_without_credentials(client, statement):
    response = client.get("/api/v1/statements/", headers={"origin": "https://partner.example"})
    preflight = client.options(
        "/api/v1/statements/",
        headers={
            "origin": "https://partner.example",
            "access-control-request-method": "GET",
            "access-control-request-headers": "if-none-match",
        },
    )

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert preflight.status_code == 200
    assert "if-none-match" in preflight["Access-Control-Allow-Headers"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_the_site_pages_stay_outside_cors(client, statement):
    response = client.get("/en/statements/", headers={"origin": "https://partner.example"})

    assert "Access-Control-Allow-Origin" not in response


def test_a_client_past_the_rate_limit_gets_429_with_retry_after_while_others_go_on(client, settings, statement):
    settings.API_RATE_LIMIT = "3/minute"
    for _ in range(3):
        assert client.get("/api/v1/tags/").status_code == 200

    refused = client.get("/api/v1/statements/")
    other = client.get("/api/v1/statements/", REMOTE_ADDR="192.0.2.7")

    assert refused.status_code == 429
    assert refused["Content-Type"] == PROBLEM
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused.json()["status"] == 429
    assert other.status_code == 200


def test_the_rate_limit_is_counted_in_the_shared_cache_every_instance_reads(client, settings, statement):
    import os

    import redis

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    server = redis.Redis.from_url(url)
    server.flushdb()
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url},
    }
    settings.API_RATE_LIMIT = "2/minute"
    try:
        client.get("/api/v1/tags/")
        client.get("/api/v1/tags/")
        stored = [key for key in server.keys() if b"api-throttle" in key]
        assert len(stored) == 1  # one count for this client, in Redis, where every instance looks
        assert client.get("/api/v1/tags/").status_code == 429
        server.flushdb()  # as if the count were lost: the limit was the one in Redis
        assert client.get("/api/v1/tags/").status_code == 200
    finally:
        server.flushdb()


def test_a_server_failure_is_a_500_problem_too(client, monkeypatch):
    from statements.api.views import StatementList

    def fail(self, request):
        raise RuntimeError("boom")

    monkeypatch.setattr(StatementList, "get", fail)
    client.raise_request_exception = False

    response = client.get("/api/v1/statements/")

    assert response.status_code == 500
    assert response["Content-Type"] == PROBLEM
    assert response.json()["status"] == 500


def test_a_list_gives_its_page_links_as_link_headers_too(client, make_statement):
    for _ in range(3):
        make_statement()
    first = client.get("/api/v1/statements/?limit=1")
    second = client.get(first.json()["next"])

    assert first["Link"] == f'<{first.json()["next"]}>; rel="next"'
    assert second["Link"] == f'<{second.json()["next"]}>; rel="next", <{second.json()["previous"]}>; rel="previous"'


def test_an_answer_says_it_holds_both_languages(client, statement):
    assert client.get(f"/api/v1/statements/{statement.pk}/")["Content-Language"] == "ar, en"


def test_head_answers_the_headers_of_get_without_a_body(client, statement):
    url = f"/api/v1/statements/{statement.pk}/"
    got, head = client.get(url), client.head(url)

    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == got["ETag"] and head["Content-Type"] == got["Content-Type"]
