"""Sign-in for editors: Flask-Login sessions, CSRF on every form, a rate limit on
login attempts, bearer tokens for the API, and the private-library switch.

Settings (app config, from the environment by :func:`settings_from_env`):
``PRIVATE`` (``VORLESER_PRIVATE=1``: every page, file and feed needs a login),
``LOGIN_RATE_LIMIT`` (default ``10 per minute;100 per hour`` per client address,
in memory: with several web processes each counts on its own unless
``RATELIMIT_STORAGE_URI`` points them at one Redis), ``SESSION_COOKIE_SECURE``
(``VORLESER_SECURE_COOKIES=1``; a request that arrived over https always gets a
Secure cookie).
"""
from __future__ import annotations

import functools
import ipaddress
import logging
import os
from urllib.parse import urlsplit

from flask import (Blueprint, Flask, Response, abort, current_app, g, redirect, render_template, request,
                   session, url_for)
from flask.sessions import SecureCookieSessionInterface
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, current_user, login_required, login_user, logout_user
from flask_wtf.csrf import CSRFProtect

from .. import envconfig
from .forms import ConfirmForm, LoginForm
from .store import AccountStore

log = logging.getLogger(__name__)
bp = Blueprint("accounts", __name__)
login_bp = Blueprint("login", __name__)
csrf = CSRFProtect()

# Endpoints a private library still shows to anonymous visitors.
PUBLIC_WHEN_PRIVATE = {"login.login", "static", "reader.healthz"}


class _SessionInterface(SecureCookieSessionInterface):
    """Secure session cookies whenever the request came over https (or always, if configured)."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"] or (request and request.is_secure))


def settings_from_env(environ=os.environ) -> dict:
    """The app config these settings give; a bad value raises ConfigError (one line naming it)."""
    out: dict = {}
    if envconfig.flag("VORLESER_PRIVATE", False, environ):
        out["PRIVATE"] = True
    if envconfig.flag("VORLESER_SECURE_COOKIES", False, environ):
        out["SESSION_COOKIE_SECURE"] = True
    limit = envconfig.rate_limit("VORLESER_LOGIN_RATE_LIMIT", "", environ)
    if limit:
        out["LOGIN_RATE_LIMIT"] = limit
    storage = envconfig.limiter_storage("VORLESER_RATELIMIT_STORAGE", environ)
    if storage:
        out["RATELIMIT_STORAGE_URI"] = storage
    return out


def accounts() -> AccountStore:
    return current_app.extensions["vorleser_accounts"]


def _safe_next(target: str | None) -> str:
    """Only a local path (never another host, never a scheme) may be the place to go after login."""
    if not target:
        return url_for("reader.library")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return url_for("reader.library")
    return target


@login_bp.route("/anmelden", methods=["GET", "POST"])
def login():
    form = LoginForm()
    store = accounts()
    failed = False
    if form.validate_on_submit():
        user = store.authenticate(form.name.data.strip(), form.password.data)
        if user is not None:
            session.clear()  # a new session: nothing of the one before (its CSRF token) carries over
            login_user(store.start_session(user))
            log.info("editor %s signed in", user.name)
            return redirect(_safe_next(request.args.get("next")))
        failed = True
        log.warning("failed sign-in for %r from %s", form.name.data[:64], request.remote_addr)
    status = 401 if failed else (400 if form.errors else 200)
    return render_template("anmelden.html", form=form, failed=failed, no_accounts=not store.has_users()), status


@bp.post("/abmelden")
@login_required
def logout():
    if ConfirmForm().validate_on_submit():
        accounts().end_session(current_user.session)  # every copy of the cookie stops working
        logout_user()
        session.clear()
    return redirect(url_for("reader.library"))


def editor_required(view):
    """A page or form for signed-in editors; anonymous visitors go to the login page."""
    return login_required(view)


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def token_required(view):
    """An API route: a valid bearer token or 401 (JSON, with WWW-Authenticate)."""
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        name = accounts().check_token(bearer_token() or "")
        if name is None:
            from ..api.errors import api_error
            return api_error(401, "unauthorized", "missing or invalid bearer token. Probable cause: no "
                             "'Authorization: Bearer TOKEN' header, or the token was revoked; create one with "
                             "'vorleser token create NAME'", headers={"WWW-Authenticate": 'Bearer realm="vorleser"'})
        g.api_client = name
        return view(*args, **kwargs)
    return wrapper


def _private_guard() -> Response | None:
    if not current_app.config.get("PRIVATE") or current_user.is_authenticated:
        return None
    endpoint = request.endpoint or ""
    if endpoint in PUBLIC_WHEN_PRIVATE or endpoint.startswith("api."):
        return None  # the API checks its own bearer tokens
    if request.method == "GET" and endpoint in ("reader.library", "reader.article"):
        return redirect(url_for("login.login", next=request.full_path.rstrip("?")))
    abort(401, description="Diese Bibliothek ist privat. Bitte melden Sie sich an.")
    return None


def client_address() -> str:
    """The login rate limit's key: the client's address; for IPv6 its /64 network, which one
    client usually has whole (counting single addresses would give it 2**64 fresh tries)."""
    address = get_remote_address()
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is None:
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(getattr(ip, "ipv4_mapped", None) or ip)


def _private_cache(response: Response) -> Response:
    """Nothing of a private library, and no page made for a signed-in editor (their name, their
    CSRF token), may sit in a shared cache."""
    user = g.get("_login_user")  # set once the request looked at who is signed in
    if current_app.config.get("PRIVATE") or (user is not None and user.is_authenticated):
        response.cache_control.public = False
        response.cache_control.private = True
    return response


def _nav_context() -> dict:
    return {"editor": current_user if current_user.is_authenticated else None,
            "accounts_enabled": True, "logout_form": ConfirmForm() if current_user.is_authenticated else None}


def init_accounts(app: Flask) -> None:
    app.config.setdefault("PRIVATE", False)
    app.config.setdefault("LOGIN_RATE_LIMIT", "10 per minute;100 per hour")
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", 8 * 3600)
    for name in ("SESSION_COOKIE_SAMESITE", "REMEMBER_COOKIE_SAMESITE"):  # Flask's default is None
        app.config[name] = app.config.get(name) or "Lax"
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["REMEMBER_COOKIE_HTTPONLY"] = True
    app.session_interface = _SessionInterface()
    store = AccountStore(app.config["INSTANCE_DIR"])
    app.extensions["vorleser_accounts"] = store

    manager = LoginManager(app)
    manager.login_view = "login.login"
    manager.login_message = "Bitte melden Sie sich an, um diese Seite zu sehen."
    manager.login_message_category = "info"
    manager.session_protection = "strong"
    manager.user_loader(store.session_user)

    csrf.init_app(app)
    limiter = Limiter(client_address, app=app, storage_uri=app.config.get("RATELIMIT_STORAGE_URI", "memory://"),
                      headers_enabled=True)
    limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"],
                  error_message="Zu viele Anmeldeversuche von dieser Adresse. Bitte warten Sie einige Minuten "
                                "und versuchen Sie es dann erneut.")(login_bp)
    app.extensions["vorleser_limiter"] = limiter
    app.register_blueprint(login_bp)
    app.register_blueprint(bp)
    app.before_request(_private_guard)
    app.after_request(_private_cache)
    app.context_processor(_nav_context)
