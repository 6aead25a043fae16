"""URL import against a local http.server on 127.0.0.1 (never the network)."""
from __future__ import annotations

import pytest

from app.errors import InputError
from app.sources import load_source, suggest_slug
from app.sources.fetch import USER_AGENT

from .conftest import article_text, corpus_dir, corpus_expectations


def test_small_page(http_base):
    url = f"{http_base}/small"
    raw = load_source(url)
    assert raw.title == "Kleiner Testartikel"
    assert raw.source == f"url:{url}"
    assert "SKRIPTINHALT" not in article_text(raw)
    assert suggest_slug(url, raw) == "kleiner-testartikel"


def test_corpus_page_over_http(http_base):
    corpus_dir()
    name = "heise.de.lithium.html"
    raw = load_source(f"{http_base}/corpus/{name}")
    text = article_text(raw)
    expect = corpus_expectations()[name]
    assert raw.title == expect["title"]
    assert all(s in text for s in expect["include"])
    assert not any(s in text for s in expect["exclude"])


def test_user_agent_is_sent(http_base):
    assert f"Kennung {USER_AGENT} Kennung" in article_text(load_source(f"{http_base}/ua"))


def test_http_charset_header(http_base):
    assert "Pjöngjang" in article_text(load_source(f"{http_base}/latin1"))


def test_plain_text_url(http_base):
    raw = load_source(f"{http_base}/text")
    assert (raw.title, raw.teaser) == ("Titel aus Text", "Vorspann.")
    assert raw.sections[0].heading == "Überschrift"


def test_redirect_is_followed(http_base):
    raw = load_source(f"{http_base}/redirect")
    assert raw.title == "Kleiner Testartikel"
    assert raw.source == f"url:{http_base}/redirect"


@pytest.mark.parametrize("path, message", [
    ("/missing", r"^HTTP 404 for URL http://127\.0\.0\.1:\d+/missing\. Probable cause: .*save the page"),
    ("/broken", r"^HTTP 500 for URL .*/broken\. Probable cause: the server has a problem"),
    ("/loop", r"^too many redirects \(more than 5\) for URL .*/loop"),
    ("/image", r"^URL .*/image is not a web page but image/png"),
    ("/huge", r"^page is larger than 10 MB"),
    ("/huge-declared", r"^page is larger than 10 MB"),
    ("/empty", r"^no article text found in http://127\.0\.0\.1"),
])
def test_errors(http_base, path, message):
    with pytest.raises(InputError, match=message) as info:
        load_source(f"{http_base}{path}")
    assert "\n" not in str(info.value)


def test_unreachable_port(closed_port):
    url = f"http://127.0.0.1:{closed_port}/artikel"
    with pytest.raises(InputError, match=r"^could not reach .*check the address or your connection; "
                                         r"use a saved file instead"):
        load_source(url)


def test_timeout(http_base):
    with pytest.raises(InputError, match=r"^no answer from .*/slow within 0\.3 s"):
        load_source(f"{http_base}/slow", timeout=0.3)


@pytest.mark.parametrize("spec", ["ftp://example.org/a.html", "file:///etc/passwd"])
def test_other_schemes_are_refused(spec):
    with pytest.raises(InputError, match=r"^unsupported address"):
        load_source(spec)


def test_invalid_url():
    with pytest.raises(InputError, match=r"^(not a valid web address|could not reach)"):
        load_source("http://")
