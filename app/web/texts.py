"""German messages the web pages show, in one place."""
from __future__ import annotations

ARTICLE_NOT_FOUND = "Diesen Artikel gibt es nicht oder er wird gerade erstellt."
FILE_NOT_FOUND = "Diese Datei gibt es nicht oder sie wird gerade erstellt."
EPUB_NOT_FOUND = "Dieses E-Book gibt es nicht oder es wird gerade erstellt."
PAGE_NOT_FOUND = "Diese Seite gibt es nicht. Vielleicht ist die Adresse falsch oder der Artikel wurde noch nicht erstellt."
OEMBED_FORMAT = "Dieses Format gibt es hier nicht: oEmbed liefert nur JSON (format=json)."
OEMBED_URL_MISSING = "Es fehlt die Adresse eines Artikels (url=…)."
