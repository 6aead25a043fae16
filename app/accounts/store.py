"""Users and API tokens in one SQLite file in the instance folder.

Passwords are stored as werkzeug scrypt hashes. A token is shown once when it
is created; only its SHA-256 is stored (a token has 256 random bits, so a fast
hash is enough and a lookup costs one index probe). Revoking deletes the row:
the next request with that token is refused.

Sign-ins are registered too: the signed session cookie carries a random session
id whose hash is a row here. Signing out, removing the user, or the session's age
(``SESSION_MAX_AGE``) deletes the row, and with it every copy of that cookie stops
working at once (a signed cookie alone would stay valid until the secret key changes).
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import secrets
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from werkzeug.security import check_password_hash, generate_password_hash

from ..errors import VorleserError
from ..paths import ensure_instance_dir, private_file

log = logging.getLogger(__name__)

FILE = "accounts.sqlite3"
TOKEN_PREFIX = "vl_"
MIN_PASSWORD = 10
SESSION_MAX_AGE = 30 * 24 * 3600  # seconds a sign-in lasts at most, however the browser keeps its cookie
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, hash TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (name TEXT PRIMARY KEY, digest TEXT NOT NULL UNIQUE, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (digest TEXT PRIMARY KEY, user TEXT NOT NULL, created REAL NOT NULL);
"""


class AccountError(VorleserError):
    """A user or token name is invalid, unknown or taken, or a password is too weak."""


@dataclass(frozen=True)
class User:
    """An editor; once signed in, ``session`` is the id of that sign-in (what Flask-Login keeps in
    the session cookie), looked up in the register on every request."""
    name: str
    session: str = field(default="", repr=False)
    is_authenticated: bool = True
    is_active: bool = True
    is_anonymous: bool = False

    def get_id(self) -> str:
        return self.session


def check_name(name: str, what: str = "user") -> str:
    if not _NAME.match(name or ""):
        raise AccountError(f"invalid {what} name {name!r}",
                           "use 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit")
    return name


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class AccountStore:
    def __init__(self, folder: str | Path | None = None):
        self.path = ensure_instance_dir(Path(folder) if folder else None) / FILE
        try:
            private_file(self.path)  # password and token hashes: for the owner only
        except OSError as exc:
            raise AccountError(f"cannot open the account file {self.path}",
                               f"{exc.strerror}; check the instance folder's permissions") from exc
        with self._db() as db:
            db.executescript(_SCHEMA)

    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        try:
            db = sqlite3.connect(self.path, timeout=10)
        except sqlite3.Error as exc:
            raise AccountError(f"cannot open the account file {self.path}",
                               f"{exc}; check the instance folder's permissions") from exc
        try:
            with db:
                yield db
        finally:
            db.close()

    # -- users ---------------------------------------------------------------------------
    def has_users(self) -> bool:
        with self._db() as db:
            return db.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None

    def users(self) -> list[str]:
        with self._db() as db:
            return [r[0] for r in db.execute("SELECT name FROM users ORDER BY name")]

    def add_user(self, name: str, password: str) -> None:
        check_name(name)
        if len(password) < MIN_PASSWORD:
            raise AccountError(f"the password has fewer than {MIN_PASSWORD} characters",
                               "choose a longer password (a passphrase of several words is easy to remember)")
        digest = generate_password_hash(password, method="scrypt")
        try:
            with self._db() as db:
                db.execute("INSERT INTO users VALUES (?, ?, ?)", (name, digest, time.time()))
        except sqlite3.IntegrityError:
            raise AccountError(f"user {name!r} exists already", "choose another name, or remove the user first") from None
        log.info("user %s added", name)

    def remove_user(self, name: str) -> None:
        with self._db() as db:
            gone = db.execute("DELETE FROM users WHERE name = ?", (name,)).rowcount
            db.execute("DELETE FROM sessions WHERE user = ?", (name,))
        if not gone:
            raise AccountError(f"no user named {name!r}", "check the name; 'vorleser user list' shows every user")

    def get_user(self, name: str) -> User | None:
        with self._db() as db:
            row = db.execute("SELECT name FROM users WHERE name = ?", (name,)).fetchone()
        return User(row[0]) if row else None

    def authenticate(self, name: str, password: str) -> User | None:
        with self._db() as db:
            row = db.execute("SELECT name, hash FROM users WHERE name = ?", (name,)).fetchone()
        if row is None:
            generate_password_hash(password, method="scrypt")  # same cost: no user enumeration by timing
            return None
        return User(row[0]) if check_password_hash(row[1], password) else None

    # -- sign-ins ------------------------------------------------------------------------
    def start_session(self, user: User) -> User:
        """Register a new sign-in of ``user``; the returned user carries its session id."""
        session = secrets.token_urlsafe(32)
        now = time.time()
        with self._db() as db:
            db.execute("DELETE FROM sessions WHERE created < ?", (now - SESSION_MAX_AGE,))
            db.execute("INSERT INTO sessions VALUES (?, ?, ?)", (token_digest(session), user.name, now))
        return User(user.name, session)

    def session_user(self, session: str) -> User | None:
        """The editor signed in as ``session``, or None when it ended, expired or the user is gone."""
        if not session or len(session) > 200:
            return None
        with self._db() as db:
            row = db.execute("SELECT s.user FROM sessions s JOIN users u ON u.name = s.user "
                             "WHERE s.digest = ? AND s.created >= ?",
                             (token_digest(session), time.time() - SESSION_MAX_AGE)).fetchone()
        return User(row[0], session) if row else None

    def end_session(self, session: str) -> None:
        with self._db() as db:
            db.execute("DELETE FROM sessions WHERE digest = ?", (token_digest(session or ""),))

    # -- tokens --------------------------------------------------------------------------
    def create_token(self, name: str) -> str:
        check_name(name, "token")
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        try:
            with self._db() as db:
                db.execute("INSERT INTO tokens VALUES (?, ?, ?)", (name, token_digest(token), time.time()))
        except sqlite3.IntegrityError:
            raise AccountError(f"token {name!r} exists already",
                               "choose another name, or revoke it first with 'vorleser token revoke'") from None
        return token

    def revoke_token(self, name: str) -> None:
        with self._db() as db:
            gone = db.execute("DELETE FROM tokens WHERE name = ?", (name,)).rowcount
        if not gone:
            raise AccountError(f"no token named {name!r}", "check the name; 'vorleser token list' shows every token")

    def tokens(self) -> list[str]:
        with self._db() as db:
            return [r[0] for r in db.execute("SELECT name FROM tokens ORDER BY name")]

    def check_token(self, token: str) -> str | None:
        """The token's name if ``token`` is valid, else None."""
        if not token or len(token) > 200:
            return None
        with self._db() as db:
            row = db.execute("SELECT name FROM tokens WHERE digest = ?", (token_digest(token),)).fetchone()
        return row[0] if row else None
