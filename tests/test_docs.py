"""Keep the README honest: every CLI option and every keyboard shortcut is documented."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.cli import parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def _options(p) -> set[str]:
    found = set()
    for action in p._actions:
        found.update(s for s in action.option_strings if s.startswith("--") and s != "--help")
        if hasattr(action, "choices") and isinstance(action.choices, dict):
            for sub in action.choices.values():
                found |= _options(sub)
    return found


def _commands(p) -> set[str]:
    for action in p._actions:
        if isinstance(getattr(action, "choices", None), dict):
            return set(action.choices)
    return set()


@pytest.mark.parametrize("option", sorted(_options(parser())))
def test_every_cli_option_is_in_the_readme(option):
    assert f"`{option}" in README or f"[{option}" in README, f"README does not document {option}"


@pytest.mark.parametrize("command", sorted(_commands(parser())))
def test_every_command_is_in_the_readme(command):
    assert f"vorleser {command}" in README


def _shortcuts() -> list[str]:
    js = (ROOT / "app" / "static" / "js" / "shortcuts.js").read_text("utf-8")
    out = []
    for entry in re.finditer(r"\{\s*scope:[^}]*\}", js):
        text = entry.group()
        mods = re.search(r"mods:\s*\[([^\]]*)\]", text).group(1)
        label = re.search(r'label:\s*"([^"]+)"', text).group(1)
        keys = [m.strip().strip('"') for m in mods.split(",") if m.strip()] + [label]
        out.append("+".join(keys))
    assert len(out) >= 10, "the shortcut list in shortcuts.js was not found"
    return out


@pytest.mark.parametrize("shortcut", _shortcuts())
def test_every_shortcut_is_in_the_readme(shortcut):
    assert f"`{shortcut}`" in README, f"README does not list the shortcut {shortcut}"


def test_readme_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "scripts/test.sh" in README and "scripts/test.sh" in ci
