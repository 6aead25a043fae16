"""The API's OpenAPI 3.1 description: the one place that defines the contract.

tests/api/test_openapi.py validates it with openapi-spec-validator, checks that every
/api/v1 route of the app is described here (and nothing else), and validates real
responses against these schemas. No documentation UI is served (a Swagger UI would need
inline script, which the strict Content-Security-Policy forbids); the JSON opens in any
OpenAPI viewer.
"""
from __future__ import annotations

import copy

_ERROR = {"type": "object", "required": ["error"], "properties": {"error": {
    "type": "object", "required": ["code", "message"],
    "properties": {"code": {"type": "string", "description": "stable, machine-readable"},
                   "message": {"type": "string", "description": "one line: what failed. Probable cause: ..."}}}}}
_JOB = {
    "type": "object",
    "required": ["id", "state", "engine", "done", "total", "position", "links"],
    "properties": {
        "id": {"type": "string"},
        "state": {"enum": ["wartet", "läuft", "fertig", "fehlgeschlagen"],
                  "description": "waiting, running, done, failed"},
        "engine": {"enum": ["espeak", "gtts", "auto"]},
        "title": {"type": ["string", "null"]},
        "slug": {"type": ["string", "null"], "description": "the article, once known"},
        "position": {"type": "integer", "minimum": 0, "description": "place in the queue while waiting, else 0"},
        "done": {"type": "integer", "minimum": 0, "description": "sentences done"},
        "total": {"type": "integer", "minimum": 0, "description": "sentences in the article (0 until known)"},
        "eta_seconds": {"type": ["integer", "null"]},
        "error": {"type": ["string", "null"], "description": "the one-line message when failed"},
        "attempts": {"type": "integer"},
        "created": {"type": "number"}, "started": {"type": ["number", "null"]},
        "finished": {"type": ["number", "null"]},
        "source_type": {"enum": ["url", "text", "upload", "rebuild"]},
        "links": {"type": "object", "required": ["self"],
                  "properties": {"self": {"type": "string"}, "article": {"type": "string"}}},
    },
}
_ARTICLE = {
    "type": "object", "required": ["slug", "title", "duration_ms", "built_at", "links"],
    "properties": {
        "slug": {"type": "string"}, "title": {"type": "string"}, "duration_ms": {"type": "integer"},
        "built_at": {"type": "string"}, "engine": {"type": "string"},
        "links": {"type": "object", "required": ["reader", "audio", "manifest"],
                  "properties": {"reader": {"type": "string"}, "audio": {"type": "string"},
                                 "manifest": {"type": "string"}}},
    },
}
_SUBMIT = {
    "type": "object",
    "description": "Exactly one of url, text or html. The same URL (or the same title) sent again updates "
                   "the same article.",
    "properties": {
        "url": {"type": "string", "format": "uri", "description": "http(s) address of an article page"},
        "text": {"type": "string", "description": "plain text (first line title) or Markdown"},
        "format": {"enum": ["text", "markdown"], "description": "how to read text (default text)"},
        "html": {"type": "string", "description": "an HTML page; parsed for its text, never rendered"},
        "title": {"type": "string", "maxLength": 300},
        "engine": {"enum": ["espeak", "gtts", "auto"], "default": "espeak"},
    },
    "additionalProperties": False,
}


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


_UNAUTHORIZED = _error("missing, wrong or revoked bearer token (code unauthorized)")
_SECURED = [{"bearer": []}]

SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Vorleser API", "version": "1.0.0",
             "description": "Add German articles to the audio library and follow their build jobs. "
                            "Create a token with `vorleser token create NAME`."},
    "paths": {
        "/api/v1/articles": {
            "get": {"operationId": "listArticles", "summary": "Articles in the library", "security": _SECURED,
                    "responses": {"200": {"description": "every built article", "content": {"application/json": {
                        "schema": {"type": "object", "required": ["articles"], "properties": {
                            "articles": {"type": "array", "items": {"$ref": "#/components/schemas/Article"}}}}}}},
                        "401": _UNAUTHORIZED}},
            "post": {"operationId": "submitArticle", "summary": "Queue an article to be built", "security": _SECURED,
                     "requestBody": {"required": True, "content": {"application/json": {
                         "schema": {"$ref": "#/components/schemas/Submit"}}}},
                     "responses": {
                         "202": {"description": "queued; follow job_url",
                                 "headers": {"Location": {"schema": {"type": "string"}, "description": "the job"}},
                                 "content": {"application/json": {"schema": {
                                     "type": "object", "required": ["job", "job_url"],
                                     "properties": {"job": {"$ref": "#/components/schemas/Job"},
                                                    "job_url": {"type": "string"}}}}}},
                         "400": _error("invalid JSON or source (codes invalid_json, invalid_request)"),
                         "401": _UNAUTHORIZED, "413": _error("body larger than 1 MB (code payload_too_large)"),
                         "503": _error("the queue cannot be reached (code queue_unavailable)")}},
        },
        "/api/v1/articles/{slug}": {
            "delete": {"operationId": "deleteArticle", "summary": "Remove an article (its sentence cache is kept)",
                       "security": _SECURED,
                       "parameters": [{"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}],
                       "responses": {"204": {"description": "deleted"}, "401": _UNAUTHORIZED,
                                     "404": _error("no such article (code article_not_found)"),
                                     "409": _error("a build of it is running (code article_busy)"),
                                     "503": _error("the queue cannot be reached (code queue_unavailable)")}},
        },
        "/api/v1/jobs/{job_id}": {
            "get": {"operationId": "getJob", "summary": "A build job's state, progress and result",
                    "security": _SECURED,
                    "parameters": [{"name": "job_id", "in": "path", "required": True,
                                    "schema": {"type": "string"}}],
                    "responses": {"200": {"description": "the job", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Job"}}}},
                        "401": _UNAUTHORIZED, "404": _error("no such job (code job_not_found)"),
                        "503": _error("the queue cannot be reached (code queue_unavailable)")}},
        },
        "/api/v1/openapi.json": {
            "get": {"operationId": "openapi", "summary": "This description", "security": [],
                    "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {
                        "schema": {"type": "object"}}}}}},
        },
    },
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                       "description": "a token from `vorleser token create NAME`"}},
        "schemas": {"Error": _ERROR, "Job": _JOB, "Article": _ARTICLE, "Submit": _SUBMIT},
    },
    "security": _SECURED,
}


def spec(server: str | None = None) -> dict:
    out = copy.deepcopy(SPEC)
    if server:
        out["servers"] = [{"url": server}]
    return out
