"""How the pages show a job: German words for each state, the detail line, what to do on failure."""
from __future__ import annotations

from flask import url_for

from ..jobs.model import DONE, FAILED, RUNNING, WAITING, Job

STATE_WORDS = {WAITING: "wartet", RUNNING: "läuft", DONE: "fertig", FAILED: "fehlgeschlagen"}
FAILED_HINT = ("Was tun: Prüfen Sie die Quelle (Adresse, Datei oder Text) und senden Sie sie erneut. "
               "Eine Seite, die der Server nicht laden kann, speichern Sie im Browser (Strg+S) und laden "
               "sie als Datei hoch.")


def _eta_words(seconds: float | None) -> str:
    if seconds is None:
        return ""
    seconds = max(1, round(seconds))
    if seconds < 60:
        return f"noch etwa {seconds} Sekunde{'n' if seconds != 1 else ''}"
    minutes = round(seconds / 60)
    return f"noch etwa {minutes} Minute{'n' if minutes != 1 else ''}"


def source_label(job: Job) -> str:
    src = job.source
    kind = src.get("type")
    if kind == "url":
        return src.get("url", "")
    if kind == "upload":
        return f"Datei {src.get('name', '')}"
    if kind == "rebuild":
        return f"Neu erstellen: {src.get('slug', '')}"
    return "Eingefügter Text"


def job_view(job: Job, position: int) -> dict:
    """Everything the job page and its JSON show (strings are escaped by the template / textContent)."""
    detail = ""
    if job.state == WAITING:
        detail = f"Position in der Warteschlange: {position}" if position else "Wartet auf einen freien Platz."
    elif job.state == RUNNING:
        if job.total:
            detail = f"{job.done} von {job.total} {'Satz' if job.total == 1 else 'Sätzen'} gesprochen"
            eta = _eta_words(job.eta)
            if eta:
                detail += f", {eta}"
            detail += "."
        else:
            detail = "Die Quelle wird gelesen."
    elif job.state == DONE:
        detail = "Der Artikel ist fertig und kann angehört werden."
    title = job.title or source_label(job)
    return {
        "id": job.id, "state": job.state, "state_words": STATE_WORDS.get(job.state, job.state),
        "position": position, "done": job.done, "total": job.total,
        "eta_seconds": None if job.eta is None else round(job.eta), "detail": detail, "title": title,
        "error": job.error if job.state == FAILED else None,
        "hint": FAILED_HINT if job.state == FAILED else None,
        "reader_url": url_for("reader.article", slug=job.slug) if job.state == DONE and job.slug else None,
        "final": job.state in (DONE, FAILED),
    }
