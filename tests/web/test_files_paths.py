"""Path traversal in every form must end in a 404 on every file route."""
import pytest

from tests.web.web_support import SLUG

NAME_ATTACKS = [
    "..", "%2e%2e", "../manifest.json", "..%2Fmanifest.json", "..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%2e%2e/%2e%2e/etc/passwd",
    "%252e%252e%252fetc%252fpasswd", "..%255c..%255cetc%255cpasswd",
    "..%5c..%5cetc%5cpasswd", "..\\..\\etc\\passwd", "%2Fetc%2Fpasswd", "/etc/passwd",
    "C:%5cWindows%5cwin.ini", "01-titel.mp3%00.txt", "%00", "01-titel.mp3%00",
    "....//....//etc/passwd", "..%c0%af..%c0%afetc%c0%afpasswd", "%c0%ae%c0%ae%2fetc",
    "01-titel.mp3.tmp", ".%2e/testartikel/01-titel.mp3", "01-titel.mp3/", "~root",
]
SLUG_ATTACKS = [
    "..", "%2e%2e", "..%2F..%2Fetc", "%252e%252e", "..%5c..", "%00", SLUG + "%00",
    "..%2f" + SLUG, "TESTARTIKEL", SLUG + "%2f..", "-" + SLUG, SLUG + ".", "%2Fetc",
]
SLUG_ROUTES = ["/artikel/{}", "/artikel/{}/manifest.json", "/artikel/{}/captions.vtt",
               "/artikel/{}/chapters.vtt", "/artikel/{}/abschnitte.zip",
               "/artikel/{}/audio/01-titel.mp3", "/artikel/{}/download/01-titel.mp3"]


def _assert_safe_404(client, path):
    response = client.get(path)
    assert response.status_code == 404, (path, response.status_code)
    body = response.get_data()
    assert b"root:" not in body and b"[fonts]" not in body and b"ID3" not in body[:3]
    assert b"Traceback" not in body


@pytest.mark.parametrize("attack", NAME_ATTACKS)
@pytest.mark.parametrize("route", ["audio", "download"])
def test_file_name_traversal(client, route, attack):
    _assert_safe_404(client, f"/artikel/{SLUG}/{route}/{attack}")


@pytest.mark.parametrize("attack", SLUG_ATTACKS)
@pytest.mark.parametrize("route", SLUG_ROUTES)
def test_slug_traversal(client, route, attack):
    _assert_safe_404(client, route.format(attack))


@pytest.mark.parametrize("suffix", ["manifest.json", "captions.vtt", "chapters.vtt"])
def test_text_routes_with_extra_path(client, suffix):
    _assert_safe_404(client, f"/artikel/{SLUG}/{suffix}/..%2f..%2fetc%2fpasswd")
    _assert_safe_404(client, f"/artikel/{SLUG}/../{SLUG}/{suffix}%00")


@pytest.mark.parametrize("path", ["/static/..%2f__init__.py", "/static/%2e%2e/__init__.py",
                                  "/static/..%5c__init__.py", "/static//etc/passwd"])
def test_static_traversal(client, path):
    _assert_safe_404(client, path)
