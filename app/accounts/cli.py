"""``vorleser user add|remove|list`` and ``vorleser token create|revoke|list``."""
from __future__ import annotations

import argparse
import getpass
import sys

from .store import AccountError, AccountStore


def _password(name: str) -> str:
    """Asked twice on a terminal; otherwise one line from stdin (for scripts)."""
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        if not line.strip():
            raise AccountError("no password on stdin", f"pipe it in, e.g. printf '%s\\n' \"$PW\" | vorleser user add {name}")
        return line.rstrip("\r\n")
    first = getpass.getpass(f"Password for {name}: ")
    second = getpass.getpass("Repeat the password: ")
    if first != second:
        raise AccountError("the two passwords differ", "run the command again and type the same password twice")
    return first


def _user(ns: argparse.Namespace) -> int:
    store = AccountStore()
    if ns.action == "add":
        store.add_user(ns.name, _password(ns.name))
        print(f"user {ns.name} added; sign in at /anmelden")
    elif ns.action == "remove":
        store.remove_user(ns.name)
        print(f"user {ns.name} removed")
    else:
        print("\n".join(store.users()) or "(no users; add one with 'vorleser user add NAME')")
    return 0


def _token(ns: argparse.Namespace) -> int:
    store = AccountStore()
    if ns.action == "create":
        token = store.create_token(ns.name)
        print(token)
        print(f"token {ns.name} created; it is shown only now. Send it as 'Authorization: Bearer TOKEN'.",
              file=sys.stderr)
    elif ns.action == "revoke":
        store.revoke_token(ns.name)
        print(f"token {ns.name} revoked")
    else:
        print("\n".join(store.tokens()) or "(no tokens; create one with 'vorleser token create NAME')")
    return 0


def register(subparsers) -> None:
    u = subparsers.add_parser("user", help="editor accounts: add, remove, list",
                              description="Editor accounts for the web pages (stored in the instance folder).")
    u.add_argument("action", choices=["add", "remove", "list"], help="what to do")
    u.add_argument("name", nargs="?", metavar="NAME", help="the user name (for add and remove)")
    u.set_defaults(func=_checked(_user, ("add", "remove")))
    t = subparsers.add_parser("token", help="API bearer tokens: create, revoke, list",
                              description="Bearer tokens for the JSON API; only their hashes are stored.")
    t.add_argument("action", choices=["create", "revoke", "list"], help="what to do")
    t.add_argument("name", nargs="?", metavar="NAME", help="a name for the token, e.g. the program using it")
    t.set_defaults(func=_checked(_token, ("create", "revoke")))


def _checked(func, need_name: tuple[str, ...]):
    def run(ns: argparse.Namespace) -> int:
        if ns.action in need_name and not ns.name:
            raise AccountError(f"'{ns.action}' needs a NAME", f"write e.g. 'vorleser {ns.command} {ns.action} anna'")
        return func(ns)
    return run
