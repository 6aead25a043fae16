"""The one web-address parser (app/sources/address.py): what a fetch connects to, and what the form
and the API accept before a job is queued."""
from __future__ import annotations

import pytest

from app.errors import InputError
from app.sources.address import web_address


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/artikel?x=1", ("https", "example.org", 443, "/artikel?x=1")),
    ("http://Example.ORG", ("http", "example.org", 80, "/")),
    ("https://例え.jp/a", ("https", "xn--r8jz45g.jp", 443, "/a")),
    ("http://[2001:db8::1]:8080/", ("http", "2001:db8::1", 8080, "/")),
    ("https://example.org./x", ("https", "example.org.", 443, "/x")),
    ("http://127.0.0.1:5000/p", ("http", "127.0.0.1", 5000, "/p")),
])
def test_well_formed_addresses(url, expected):
    assert web_address(url) == expected


@pytest.mark.parametrize("url, says", [
    ("htp:/x", "only http:// and https://"),
    ("not a url", "only http:// and https://"),
    ("javascript:alert(1)", "only http:// and https://"),
    ("http://", "incomplete or malformed"),
    ("http:///pfad", "incomplete or malformed"),
    ("http://exa mple.org/", "contains a space"),
    ("https://example.org/ein artikel", "contains a space"),
    ("http://example.org\x00/", "control character"),
    ("http://[::1", "Invalid IPv6 URL"),
    ("http://example.org:99999/", "Port out of range"),
    ("http://example.org:abc/", "Port could not be cast"),
    ("http://a..b/", "is not a valid name"),
    ("http://-bad-.org/", "is not a valid name"),
    ("http://ex%41mple.org/", "is not a valid name"),
    ("http://" + "a" * 64 + ".org/", "is not a valid name"),
])
def test_malformed_addresses_say_what_is_wrong(url, says):
    with pytest.raises(InputError) as caught:
        web_address(url)
    assert says in str(caught.value) and "\n" not in str(caught.value)
