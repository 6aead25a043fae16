"""Pages for signed-in editors: add an article, follow its job, manage the library.

    GET/POST /hinzufuegen                 "Artikel hinzufügen": URL, file or pasted text
    GET      /auftraege/<id>              the job page (works without JS: reload to update)
    GET      /auftraege/<id>/status.json  the same as JSON, polled by js/job-status.js
    GET      /verwaltung                  articles with "Neu erstellen" and "Löschen", recent jobs
    POST     /verwaltung/<slug>/neu       rebuild (optionally with another engine); 409 for a
                                          narrator's recording (``vorleser align`` makes it again)
    GET/POST /verwaltung/<slug>/loeschen  delete, after a confirmation page
"""
from __future__ import annotations

import logging

from flask import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from ..accounts.forms import ConfirmForm
from ..accounts.web import editor_required
from ..errors import BuildLockedError, VorleserError
from ..jobs.articles import ArticleNotFound, delete_article
from ..jobs.queue import JobSystem, QueueUnavailable, get_system
from ..jobs.submit import MAX_URL, new_job, rebuild_source, text_source, upload_source, url_source
from .editor_forms import AddForm, RebuildForm
from .jobview import job_view
from .library import get_library
from .texts import RECORDED_NOTE, RECORDED_REFUSED, queue_unavailable

log = logging.getLogger(__name__)
bp = Blueprint("editor", __name__)


def jobs() -> JobSystem:
    return get_system(current_app.config["AUDIO_DIR"], current_app.config["INSTANCE_DIR"])


def _job_or_404(job_id: str):
    job = jobs().store.get(job_id) if len(job_id) <= 64 and job_id.isalnum() else None
    if job is None:
        abort(404, description="Diesen Auftrag gibt es nicht.")
    return job


def _source_from_form(form: AddForm) -> dict:
    url = (form.url.data or "").strip()
    upload = form.file.data
    text = form.article_text.data or ""
    given = [bool(url), bool(upload and upload.filename), bool(text.strip())]
    if sum(given) != 1:
        raise ValueError("Bitte genau eine Quelle angeben: eine Adresse, eine Datei oder einen Text.")
    try:
        if url:
            return url_source(url)
        if given[1]:
            return upload_source(upload.read(), upload.filename)
        return text_source(text, form.text_format.data)
    except VorleserError as exc:
        raise ValueError(_german(exc)) from exc


def _german(exc: VorleserError) -> str:
    text = str(exc)
    if text.startswith("unsupported address"):
        return ("Nur Adressen mit http:// oder https:// können abgerufen werden, zum Beispiel "
                "https://example.org/artikel")
    if "not a valid web address" in text and "contains a space" in text:
        return ("Die Adresse enthält ein Leerzeichen. Bitte kopieren Sie sie noch einmal aus der Adresszeile "
                "des Browsers.")
    if "not a valid web address: it has" in text:
        return f"Die Adresse ist zu lang (höchstens {MAX_URL} Zeichen)."
    if "not a valid web address" in text:
        return "Die Adresse ist ungültig. Schreiben Sie sie so: https://example.org/artikel"
    if "contains a user name or password" in text:
        return ("Adressen mit Benutzername oder Passwort (name:passwort@…) werden nicht abgerufen. "
                "Bitte die Adresse ohne diese Angaben eingeben.")
    if "cannot be read" in text:
        return "Nur Dateien vom Typ .txt, .md oder .html können gelesen werden."
    return text


@bp.route("/hinzufuegen", methods=["GET", "POST"])
@editor_required
def add():
    form = AddForm()
    error, status = None, 400
    if form.validate_on_submit():
        try:
            source = _source_from_form(form)
        except ValueError as exc:
            error = str(exc)
        else:
            try:
                job = jobs().submit(new_job(source, form.engine.data, form.title.data, current_user.name))
            except QueueUnavailable as exc:  # the form again, with what was entered: send it once it is back
                error, status = queue_unavailable(exc), 503
            except VorleserError as exc:
                error = f"Der Auftrag konnte nicht angenommen werden: {exc}"
            else:
                return redirect(url_for("editor.job", job_id=job.id), code=303)
    elif request.method == "POST":
        error = " ".join(m for ms in form.errors.values() for m in ms) or "Die Eingabe ist ungültig."
    return render_template("hinzufuegen.html", form=form, error=error), status if error else 200


@bp.get("/auftraege/<job_id>")
@editor_required
def job(job_id: str):
    found = _job_or_404(job_id)
    return render_template("auftrag.html", job=job_view(found, jobs().position(found)))


@bp.get("/auftraege/<job_id>/status.json")
@editor_required
def job_status(job_id: str):
    found = _job_or_404(job_id)
    response = jsonify(job_view(found, jobs().position(found)))
    response.cache_control.no_store = True
    return response


@bp.get("/verwaltung")
@editor_required
def manage():
    system = jobs()
    try:
        recent, queue_error = [job_view(j, system.position(j)) for j in system.store.recent(20)], None
    except QueueUnavailable as exc:  # the articles can still be managed; only the jobs are out of sight
        recent, queue_error = [], queue_unavailable(exc)
    return render_template("verwaltung.html", articles=get_library().articles(), recent=recent,
                           queue_error=queue_error, rebuild_form=RebuildForm(), recorded_note=RECORDED_NOTE)


@bp.post("/verwaltung/<slug>/neu")
@editor_required
def rebuild(slug: str):
    form = RebuildForm()
    article = get_library().get(slug)
    if article is None:
        abort(404, description="Diesen Artikel gibt es nicht.")
    if not form.validate_on_submit():
        abort(400, description="Die Eingabe ist ungültig.")
    if article.recorded:  # a narrator's recording: only `vorleser align` makes it again
        abort(409, description=RECORDED_REFUSED)
    try:
        job = jobs().submit(new_job(rebuild_source(slug), form.engine.data, None, current_user.name))
    except QueueUnavailable:
        raise  # 503, the German page of app/web/errors.py
    except VorleserError as exc:
        abort(503, description=f"Der Auftrag konnte nicht angenommen werden: {exc}")
    return redirect(url_for("editor.job", job_id=job.id), code=303)


@bp.route("/verwaltung/<slug>/loeschen", methods=["GET", "POST"])
@editor_required
def delete(slug: str):
    article = get_library().get(slug)
    if article is None:
        abort(404, description="Diesen Artikel gibt es nicht.")
    form = ConfirmForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400, description="Die Eingabe ist ungültig.")
        system = jobs()
        try:
            with system.locks.held(slug, blocking=False):
                delete_article(system.audio_dir, slug)
        except BuildLockedError:
            abort(409, description="Dieser Artikel wird gerade erstellt. Bitte löschen Sie ihn danach.")
        except ArticleNotFound:
            abort(404, description="Diesen Artikel gibt es nicht.")
        flash(f"Der Artikel „{article.title}“ wurde gelöscht.")
        return redirect(url_for("editor.manage"), code=303)
    return render_template("loeschen.html", article=article, form=form)
