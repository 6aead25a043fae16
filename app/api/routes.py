"""/api/v1 routes (each described in openapi.py)."""
from __future__ import annotations

import logging

from flask import Blueprint, current_app, g, jsonify, request, url_for
from werkzeug.exceptions import HTTPException, InternalServerError

from ..accounts.web import token_required
from ..errors import BuildLockedError, InputError, VorleserError
from ..jobs.articles import ArticleNotFound, delete_article
from ..jobs.queue import JobSystem, QueueUnavailable, get_system
from ..jobs.submit import new_job, text_source, url_source
from ..manifest import is_slug
from ..web.library import get_library
from .errors import api_error, handle_http_error, handle_server_error
from .openapi import spec

log = logging.getLogger(__name__)
bp = Blueprint("api", __name__, url_prefix="/api/v1")
bp.register_error_handler(HTTPException, handle_http_error)
bp.register_error_handler(InternalServerError, handle_server_error)  # else the app's HTML 500 page wins


def _jobs() -> JobSystem:
    return get_system(current_app.config["AUDIO_DIR"], current_app.config["INSTANCE_DIR"])


def _job_json(system: JobSystem, job) -> dict:
    out = job.summary()
    out["position"] = system.position(job)
    out["links"] = {"self": url_for("api.get_job", job_id=job.id, _external=True)}
    if job.state == "fertig" and job.slug:
        out["links"]["article"] = url_for("reader.article", slug=job.slug, _external=True)
    return out


def _source(body: dict) -> dict:
    given = [k for k in ("url", "text", "html") if body.get(k) not in (None, "")]
    if len(given) != 1:
        raise InputError("send exactly one of url, text or html", "e.g. {\"url\": \"https://example.org/artikel\"}")
    for key in ("url", "text", "html", "title", "engine", "format"):
        if body.get(key) is not None and not isinstance(body[key], str):
            raise InputError(f"'{key}' must be a string", "send it as a JSON string")
    kind = given[0]
    if kind == "url":
        return url_source(body["url"])
    if kind == "html":
        return text_source(body["html"], "html")
    return text_source(body["text"], body.get("format") or "text")


@bp.post("/articles")
@token_required
def create_article():
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # nested deeper than the parser goes: not an article
        body = None
    if not isinstance(body, dict):
        return api_error(400, "invalid_json", "the body is not a JSON object. Probable cause: missing "
                                              "'Content-Type: application/json' or malformed JSON")
    try:
        job = new_job(_source(body), body.get("engine"), body.get("title"), f"token:{g.api_client}")
    except InputError as exc:
        return api_error(400, "invalid_request", str(exc))
    system = _jobs()
    try:
        system.submit(job)
    except QueueUnavailable as exc:
        return api_error(503, "queue_unavailable", str(exc))
    response = jsonify(job=_job_json(system, job), job_url=url_for("api.get_job", job_id=job.id, _external=True))
    response.status_code = 202
    response.headers["Location"] = url_for("api.get_job", job_id=job.id, _external=True)
    return response


@bp.get("/jobs/<job_id>")
@token_required
def get_job(job_id: str):
    system = _jobs()
    job = system.store.get(job_id) if len(job_id) <= 64 and job_id.isalnum() else None
    if job is None:
        return api_error(404, "job_not_found", f"no job {job_id[:64]!r}. Probable cause: a wrong id")
    response = jsonify(_job_json(system, job))
    response.cache_control.no_store = True
    return response


@bp.get("/articles")
@token_required
def list_articles():
    out = []
    for a in get_library().articles():
        out.append({"slug": a.slug, "title": a.title, "duration_ms": a.duration_ms, "built_at": a.built_at,
                    "engine": a.engine,
                    "links": {"reader": url_for("reader.article", slug=a.slug, _external=True),
                              "audio": url_for("files.audio", slug=a.slug, name=a.full.file, _external=True),
                              "manifest": url_for("files.manifest", slug=a.slug, _external=True)}})
    return jsonify(articles=out)


@bp.delete("/articles/<slug>")
@token_required
def delete(slug: str):
    if not is_slug(slug):  # never a lock file or a Redis key named by the client
        return api_error(404, "article_not_found", f"no article named {slug[:64]!r}. Probable cause: "
                                                   "check the name in the library")
    system = _jobs()
    try:
        with system.locks.held(slug, blocking=False):
            delete_article(system.audio_dir, slug)
    except ArticleNotFound as exc:
        return api_error(404, "article_not_found", str(exc))
    except BuildLockedError as exc:
        return api_error(409, "article_busy", str(exc))
    except VorleserError as exc:
        return api_error(500, "delete_failed", str(exc))
    return "", 204


@bp.get("/openapi.json")
def openapi():
    return jsonify(spec(request.host_url.rstrip("/")))
