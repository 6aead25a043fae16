"""Module preloading: every page preloads exactly the modules its entry loads."""
from __future__ import annotations

import re

from app.web.assets import JS_DIR, closure, module_map
from tests.web.web_support import SLUG

IMPORT = re.compile(r"""^\s*import\s[^;]*?from\s+["']\./([\w-]+\.js)["']""", re.M)


def _imports(name: str) -> set[str]:
    return set(IMPORT.findall((JS_DIR / name).read_text("utf-8")))


def test_reader_entry_closure_is_every_module_it_reaches():
    found = set(closure(("reader-page.js",)))
    reached, todo = set(), list(_imports("reader-page.js"))
    while todo:
        name = todo.pop()
        if name not in reached:
            reached.add(name)
            todo += _imports(name)
    assert found == reached and "reader-page.js" not in found
    assert {"reader.js", "sync.js", "word-times.js", "player-core.js", "offline.js", "boot.js"} <= found


def test_main_map_names_existing_modules():
    for name, files in module_map().items():
        assert files, name
        for file in files:
            assert (JS_DIR / file).is_file(), file


def test_pages_load_their_modules_at_once(client):
    reader = client.get(f"/artikel/{SLUG}").get_data(as_text=True)
    assert '<script type="module" src="/js/reader-page.js">' in reader  # one file (app/web/bundle.py)
    assert "modulepreload" not in reader and "/static/js/main.js" not in reader
    library = client.get("/").get_data(as_text=True)
    preloaded = re.findall(r'modulepreload" href="/static/js/([\w-]+\.js)"', library)
    assert set(preloaded) == {"boot.js", "filter.js", "saved.js", "strings.js", "offline-store.js"}
    assert set(preloaded) == set(closure(("main.js", "filter", "saved")))
