"""The response headers the API promises, written into the OpenAPI description (drf-spectacular has no
declaration for them on a view), so that clients and schemathesis can rely on them."""

STRING = {"type": "string"}
ETAG = {"description": "The answer's digest: send it back in `If-None-Match` to get a 304.", "schema": STRING}
HEADERS = {
    "200": {
        "ETag": {**ETAG, "required": True},
        "Cache-Control": {"description": "`public, max-age=60`.", "schema": STRING, "required": True},
    },
    "304": {"ETag": ETAG},
    "301": {"Location": {"description": "Where the keyword lives now.", "schema": STRING, "required": True}},
    "429": {
        "Retry-After": {
            "description": "Seconds to wait before asking again.",
            "schema": {"type": "integer", "minimum": 0},
            "required": True,
        }
    },
}
LINK = {"description": 'The `next` and `previous` links as RFC 8288 (`<…>; rel="next"`).', "schema": STRING}


def add_response_headers(result, generator, request, public):
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                headers = dict(HEADERS.get(status, {}))
                if status == "200" and operation.get("operationId") == "statements_list":
                    headers["Link"] = LINK
                if headers:
                    response["headers"] = {**response.get("headers", {}), **headers}
    return result
