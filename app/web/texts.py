"""German messages the web pages show, in one place."""
from __future__ import annotations

ARTICLE_NOT_FOUND = "Diesen Artikel gibt es nicht oder er wird gerade erstellt."
FILE_NOT_FOUND = "Diese Datei gibt es nicht oder sie wird gerade erstellt."
EPUB_NOT_FOUND = "Dieses E-Book gibt es nicht oder es wird gerade erstellt."
PAGE_NOT_FOUND = "Diese Seite gibt es nicht. Vielleicht ist die Adresse falsch oder der Artikel wurde noch nicht erstellt."
OEMBED_FORMAT = "Dieses Format gibt es hier nicht: oEmbed liefert nur JSON (format=json)."
OEMBED_URL_MISSING = "Es fehlt die Adresse eines Artikels (url=…)."
QUEUE_UNAVAILABLE = ("Die Warteschlange ist nicht erreichbar. Aufträge können gerade weder angenommen noch "
                     "angezeigt werden; bitte versuchen Sie es in einigen Minuten erneut.")
CSRF_EXPIRED = "Das Formular ist abgelaufen. Bitte laden Sie die Seite neu und senden Sie es erneut."
RECORDED_NOTE = ("Aufnahme einer Sprecherin oder eines Sprechers: Dieser Artikel wird nicht mit einer "
                 "künstlichen Stimme neu erstellt. Nach einer Änderung des Textes wird die Aufnahme auf dem "
                 "Server mit „vorleser align“ neu ausgerichtet.")
RECORDED_REFUSED = ("Dieser Artikel ist die Aufnahme einer Sprecherin oder eines Sprechers und wird nicht mit "
                    "einer künstlichen Stimme neu erstellt. Um Text oder Zeiten zu ändern, richten Sie die "
                    "Aufnahme auf dem Server mit „vorleser align“ neu aus.")


def rebuild_summary(queued: int, recorded: int) -> str:
    """What a lexicon change set off: "1 Artikel wird neu erstellt." / "2 Artikel werden …", and the
    recorded articles with the word, which keep their recording."""
    parts = []
    if queued:
        parts.append(f"{queued} Artikel {'wird' if queued == 1 else 'werden'} neu erstellt.")
    if recorded == 1:
        parts.append("1 aufgenommener Artikel wird nicht neu erstellt; er behält seine Aufnahme.")
    elif recorded:
        parts.append(f"{recorded} aufgenommene Artikel werden nicht neu erstellt; sie behalten ihre Aufnahme.")
    return " ".join(parts) or "Kein Artikel enthält das Wort."


def queue_unavailable(detail: object) -> str:
    """The German message for a queue that cannot be reached, with the one-line technical cause."""
    return f"{QUEUE_UNAVAILABLE} Technische Ursache: {detail}"
