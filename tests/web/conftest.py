"""Fixtures for the web tests.

``built_dir`` (tests/conftest.py) is a session-wide audio folder with a normal
article, an article full of HTML/JS injection attempts, a broken manifest, an
unfinished build and a folder whose name is not a valid slug.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import create_app


@pytest.fixture
def app(built_dir):
    return create_app({"TESTING": True, "AUDIO_DIR": built_dir})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def own_dir(tmp_path, built_dir) -> Path:
    """A private copy of ``built_dir`` that a test may change."""
    target = tmp_path / "audio"
    shutil.copytree(built_dir, target)
    return target


@pytest.fixture
def own_client(own_dir):
    """A client on ``own_dir``; change the folder first, then request."""
    return create_app({"TESTING": True, "AUDIO_DIR": own_dir}).test_client()
