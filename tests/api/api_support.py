"""An app on its own instance and audio folders, an editor account, a token, a signed-in client."""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from app import create_app
from app.accounts.store import AccountStore

PASSWORD = "ein sehr geheimes passwort"
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


@dataclass
class Site:
    app: object
    audio: Path
    instance: Path
    token: str
    store: AccountStore


def make_site(tmp_path: Path, built_dir: Path | None = None, **config) -> Site:
    audio, instance = tmp_path / "audio", tmp_path / "instance"
    if built_dir is not None:
        shutil.copytree(built_dir, audio, symlinks=True)
    else:
        audio.mkdir()
    app = create_app({"TESTING": True, "AUDIO_DIR": audio, "INSTANCE_DIR": instance, **config})
    store = app.extensions["vorleser_accounts"]
    store.add_user("anna", PASSWORD)
    return Site(app, audio, instance, store.create_token("cms"), store)


def csrf_of(html: str) -> str:
    match = CSRF.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def signed_in(app):
    client = app.test_client()
    token = csrf_of(client.get("/anmelden").get_data(as_text=True))
    reply = client.post("/anmelden", data={"name": "anna", "password": PASSWORD, "csrf_token": token})
    assert reply.status_code == 302, reply.get_data(as_text=True)[:500]
    return client
