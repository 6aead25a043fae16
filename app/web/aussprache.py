"""The "Aussprache" page for editors: the pronunciation lexicon, editable, with a sample to hear.

Entries of the editors' lexicon (``aussprache.pls`` in the instance folder, the file
every build uses after the bundled default) can be added, changed and removed; the
bundled default entries are listed for reference. After a change, every article in
the library that contains one of the changed words is rebuilt through the queue
(only the sentences with the word are synthesised again); a narrator's recording
(``vorleser align``) is not rebuilt, and the message says how many kept theirs.

    GET  /aussprache                   the page; ?probe=TEXT adds a sample player
    POST /aussprache                   add an entry
    POST /aussprache/aendern           change the entry that lists ``original``
    POST /aussprache/entfernen         remove it
    GET  /aussprache/probe.mp3?text=…  the sample (audio/mpeg), with the current lexicon
"""
from __future__ import annotations

import logging

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..accounts.web import editor_required
from ..errors import VorleserError
from ..jobs.queue import QueueUnavailable
from ..jobs.submit import new_job, rebuild_source
from ..lexicon import default_lexicon, load_lexicons
from ..lexicon.editor import add_entry, make_entry, read_entries, remove_entry, update_entry
from ..lexicon.search import articles_with
from ..lexicon.sources import USER_LEXICON
from .editor import jobs
from .editor_forms import EntryForm, RemoveEntryForm
from .library import get_library
from .texts import queue_unavailable, rebuild_summary

log = logging.getLogger(__name__)
bp = Blueprint("aussprache", __name__)
MAX_PROBE = 300


def user_lexicon():
    return current_app.config["INSTANCE_DIR"] / USER_LEXICON


def _graphemes(text: str) -> list[str]:
    return [g.strip() for g in (text or "").split(",") if g.strip()]


def _rebuild_affected(graphemes: list[str]) -> tuple[int, int]:
    """Queue a rebuild of every article that contains one of ``graphemes``, except narrators'
    recordings (``vorleser align``), which keep their recording. Returns (queued, recordings)."""
    library = {a.slug: a for a in get_library().articles()}
    slugs = articles_with(graphemes, [a.data for a in library.values()])
    recorded = [slug for slug in slugs if library[slug].recorded]
    system = jobs()
    for slug in slugs:
        if slug not in recorded:
            system.submit(new_job(rebuild_source(slug), library[slug].engine, None, current_user.name))
    return len(slugs) - len(recorded), len(recorded)


def _german(exc: VorleserError) -> str:
    return queue_unavailable(exc) if isinstance(exc, QueueUnavailable) else str(exc)


def _page(form: EntryForm, error: str | None = None, status: int = 200):
    probe = (request.args.get("probe") or "").strip()[:MAX_PROBE]
    try:
        own = read_entries(user_lexicon())
    except VorleserError as exc:
        own, error = [], f"Das Aussprache-Wörterbuch ist fehlerhaft: {exc}"
    defaults = sorted(default_lexicon().entries, key=lambda e: e.graphemes[0].casefold())
    return render_template("aussprache.html", form=form, own=own, defaults=defaults, error=error, probe=probe,
                           remove_form=RemoveEntryForm(), edit=request.args.get("bearbeiten", "")), status


@bp.get("/aussprache")
@editor_required
def page():
    form = EntryForm()
    wanted = request.args.get("bearbeiten", "")
    if wanted:
        for entry in read_entries(user_lexicon()):
            if wanted in entry.graphemes:
                form.original.data = wanted
                form.graphemes.data = ", ".join(entry.graphemes)
                form.phoneme.data = entry.phoneme or ""
                form.alias.data = entry.alias or ""
    return _page(form)


def _save(change) -> Response | tuple:
    form = EntryForm()
    if not form.validate_on_submit():
        return _page(form, "Die Eingabe ist ungültig.", 400)
    graphemes = _graphemes(form.graphemes.data)
    try:
        entry = make_entry(graphemes, form.phoneme.data, form.alias.data)
        old = change(form, entry)
    except VorleserError as exc:
        return _page(form, f"Der Eintrag wurde nicht gespeichert: {exc}", 400)
    affected = list(entry.graphemes) + (list(old.graphemes) if old else [])
    try:
        queued, recorded = _rebuild_affected(affected)
    except VorleserError as exc:
        flash(f"Gespeichert, aber die Artikel konnten nicht neu erstellt werden. {_german(exc)}")
    else:
        flash(f"Gespeichert: {', '.join(entry.graphemes)}. {rebuild_summary(queued, recorded)}")
    return redirect(url_for("aussprache.page"), code=303)


@bp.post("/aussprache")
@editor_required
def add():
    return _save(lambda form, entry: add_entry(user_lexicon(), entry) and None)


@bp.post("/aussprache/aendern")
@editor_required
def change():
    def update(form, entry):
        original = form.original.data or ""
        old = next((e for e in read_entries(user_lexicon()) if original in e.graphemes), None)
        update_entry(user_lexicon(), original, entry)
        return old
    return _save(update)


@bp.post("/aussprache/entfernen")
@editor_required
def remove():
    form = RemoveEntryForm()
    if not form.validate_on_submit():
        abort(400, description="Die Eingabe ist ungültig.")
    try:
        removed = remove_entry(user_lexicon(), form.original.data or "")
    except VorleserError as exc:
        return _page(EntryForm(formdata=None), f"Der Eintrag wurde nicht entfernt: {exc}", 400)
    try:
        queued, recorded = _rebuild_affected(list(removed.graphemes))
    except VorleserError as exc:  # the queue (Redis) is away: the entry is gone all the same
        flash(f"Entfernt, aber die Artikel konnten nicht neu erstellt werden. {_german(exc)}")
    else:
        flash(f"Entfernt: {', '.join(removed.graphemes)}. {rebuild_summary(queued, recorded)}")
    return redirect(url_for("aussprache.page"), code=303)


@bp.get("/aussprache/probe.mp3")
@editor_required
def probe():
    from ..lexicon.audition import audition
    from ..lexicon.sources import lexicon_paths

    text = (request.args.get("text") or "").strip()
    if not text or len(text) > MAX_PROBE:
        abort(400, description=f"Bitte einen Text mit 1 bis {MAX_PROBE} Zeichen angeben.")
    try:
        result = audition(text, load_lexicons(lexicon_paths()), "espeak", sample=True)
    except VorleserError as exc:
        abort(400, description=f"Keine Hörprobe möglich: {exc}")
    response = Response(result.mp3 or b"", mimetype="audio/mpeg")
    response.cache_control.no_store = True
    return response
