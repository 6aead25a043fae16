"""One script per page entry (app/web/bundle.py): every module once, in the
order the browser evaluates them, each in its own scope; unknown import and
export forms are refused."""
from __future__ import annotations

import re
import shutil

import pytest

from app.errors import VorleserError
from app.web import assets, bundle
from app.web.assets import JS_DIR, closure

MODULE = re.compile(r'^__vorleser\["([\w-]+\.js)"\] = \(\(\) => \{$', re.M)


def test_bundle_holds_every_module_once_in_evaluation_order():
    text = bundle.bundle("reader-page.js")
    order = MODULE.findall(text)
    assert sorted(order) == sorted({*closure(("reader-page.js",)), "reader-page.js"})
    assert order[-1] == "reader-page.js" and len(order) == len(set(order))
    for name in order:  # each module comes after the modules it imports
        source = (JS_DIR / name).read_text("utf-8")
        for dep in re.findall(r'from "\./([\w-]+\.js)"', source):
            assert order.index(dep) < order.index(name), (dep, name)
    assert not re.search(r"^\s*(import|export)\b", text, re.M)
    assert 'const { T } = __vorleser["strings.js"];' in text
    assert 'const reader = __vorleser["reader.js"];' in text
    assert "return { Player };" in text


def test_bundle_route(client):
    response = client.get("/js/reader-page.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert response.get_data(as_text=True) == bundle.bundle("reader-page.js")
    assert "no-cache" in response.headers["Cache-Control"]
    assert client.get("/js/reader-page.js", headers={"If-None-Match": response.headers["ETag"]}).status_code == 304
    for name in ("main.js", "strings.js", "gibt-es-nicht.js", "..%2Fsw.js"):
        assert client.get(f"/js/{name}").status_code == 404, name


@pytest.fixture
def js_dir(tmp_path, monkeypatch):
    folder = tmp_path / "js"
    shutil.copytree(JS_DIR, folder)
    monkeypatch.setattr(assets, "JS_DIR", folder)
    monkeypatch.setattr(bundle, "JS_DIR", folder)
    return folder


@pytest.mark.parametrize("line", [
    'export default function init() {}',
    'export { init as start };',
    'import strings from "./strings.js";',
    'import "./strings.js";',
    'export let counter = 0;',
])
def test_unknown_forms_are_refused(js_dir, line):
    path = js_dir / "announce.js"
    path.write_text(path.read_text("utf-8") + "\n" + line + "\n", "utf-8")
    with pytest.raises(VorleserError, match="cannot bundle"):
        bundle.bundle("reader-page.js")


def test_import_cycles_are_refused(js_dir):
    path = js_dir / "format.js"
    path.write_text('import { T } from "./strings.js";\nimport { boot } from "./boot.js";\n'
                    + path.read_text("utf-8"), "utf-8")
    (js_dir / "boot.js").write_text('import { mmss } from "./format.js";\n'
                                    + (js_dir / "boot.js").read_text("utf-8"), "utf-8")
    with pytest.raises(VorleserError, match="import cycle"):
        bundle.bundle("reader-page.js")
