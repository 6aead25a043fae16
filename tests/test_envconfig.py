"""Typed environment settings: good values parse, bad ones are one ConfigError naming the variable,
the value and what is expected; the readers that use them refuse bad values too."""
from __future__ import annotations

import pytest

from app import envconfig
from app.envconfig import ConfigError


def _refused(call, name: str, value: str) -> str:
    with pytest.raises(ConfigError) as exc:
        call({name: value})
    message = str(exc.value)
    assert len(message.splitlines()) == 1
    assert message.startswith(f"{name}={value!r} is not valid: expected ")
    return message


@pytest.mark.parametrize("value, expected", [("", 7), ("  ", 7), ("3", 3), (" 12 ", 12)])
def test_number(value, expected):
    assert envconfig.number("X", 7, environ={"X": value}) == expected


@pytest.mark.parametrize("value", ["abc", "0", "-2", "1.5", "4"])
def test_number_refuses(value):
    message = _refused(lambda env: envconfig.number("X", 7, minimum=1, maximum=3, what="threads", environ=env),
                       "X", value)
    assert "threads, 1 or more and at most 3" in message


@pytest.mark.parametrize("value, expected", [("", 30.0), ("2", 2.0), ("1.5", 1.5)])
def test_seconds(value, expected):
    assert envconfig.seconds("X", 30.0, environ={"X": value}) == expected


@pytest.mark.parametrize("value", ["abc", "0", "-1", "0.5", "nan", "inf"])
def test_seconds_refuses(value):
    assert "a number of seconds, 1 or more" in _refused(lambda env: envconfig.seconds("X", 30.0, environ=env),
                                                        "X", value)


@pytest.mark.parametrize("value, expected", [("", False), ("1", True), ("JA", True), ("true", True), ("on", True),
                                             ("0", False), ("nein", False), ("Off", False)])
def test_flag(value, expected):
    assert envconfig.flag("X", environ={"X": value}) is expected


@pytest.mark.parametrize("value", ["2", "an", "enabled", "y"])
def test_flag_refuses_what_it_does_not_know(value):
    _refused(lambda env: envconfig.flag("X", environ=env), "X", value)


@pytest.mark.parametrize("value", ["", "sqlite", "redis://localhost:6379/0", "rediss://h:6380/1",
                                   "unix:///run/redis.sock"])
def test_queue_url(value):
    assert envconfig.queue_url(environ={"VORLESER_QUEUE": value}) == value


@pytest.mark.parametrize("value", ["http://localhost", "redis:/x", "redis://", "localhost:6379", "SQLite"])
def test_queue_url_refuses(value):
    _refused(lambda env: envconfig.queue_url(environ=env), "VORLESER_QUEUE", value)


def test_queue_url_never_shows_the_password():
    with pytest.raises(ConfigError) as exc:
        envconfig.queue_url(environ={"VORLESER_QUEUE": "http://user:geheim@host/"})
    assert "geheim" not in str(exc.value) and "***" in str(exc.value)


@pytest.mark.parametrize("value", ["5 per minute", "10 per minute;100 per hour", "10/minute"])
def test_rate_limit(value):
    assert envconfig.rate_limit("X", "d", environ={"X": value}) == value


@pytest.mark.parametrize("value", ["abc", "10 per fortnight", "0 per minute", "-1 per minute", ";"])
def test_rate_limit_refuses(value):
    assert "10 per minute" in _refused(lambda env: envconfig.rate_limit("X", "d", environ=env), "X", value)


@pytest.mark.parametrize("value", ["memory://", "redis://localhost:6379/1"])
def test_limiter_storage(value):
    assert envconfig.limiter_storage("X", environ={"X": value}) == value


@pytest.mark.parametrize("value", ["foo://x", "localhost:6379", "async+redis://h"])
def test_limiter_storage_refuses(value):
    _refused(lambda env: envconfig.limiter_storage("X", environ=env), "X", value)


@pytest.mark.parametrize("value, expected", [("", 0), ("0", 0), ("1", 1), ("2", 2), ("yes", 1), ("True", 1)])
def test_proxy_count(value, expected):
    assert envconfig.proxy_count(environ={"VORLESER_BEHIND_PROXY": value}) == expected


@pytest.mark.parametrize("value", ["false", "no", "-1", "11", "one"])
def test_proxy_count_refuses(value):
    """deploy_settings would trust one proxy for "false": check_web stops that before it parses."""
    _refused(lambda env: envconfig.check_web(env), "VORLESER_BEHIND_PROXY", value)


@pytest.mark.parametrize("value", ["/_vorleser_audio/", "_vorleser_audio", "/a/b"])
def test_url_path_prefix(value):
    assert envconfig.url_path_prefix("X", environ={"X": value}) == value


@pytest.mark.parametrize("value", ["/", "//", "/a b/", "/a?x", "http://x/"])
def test_url_path_prefix_refuses(value):
    _refused(lambda env: envconfig.check_web(env), "VORLESER_X_ACCEL", value)


@pytest.mark.parametrize("value", ["80,99999", "0", "http", ",", "80;443"])
def test_fetch_ports_refused_by_the_server_policy(value):
    from app.sources.netguard import FetchPolicy

    _refused(FetchPolicy.server, "VORLESER_FETCH_PORTS", value)


def test_fetch_ports_and_loopback_read_by_the_server_policy():
    from app.sources.netguard import FetchPolicy

    policy = FetchPolicy.server({"VORLESER_FETCH_PORTS": "80, 8080", "VORLESER_FETCH_ALLOW_LOOPBACK": "1"})
    assert policy.ports == frozenset({80, 8080}) and policy.allow_loopback
    assert FetchPolicy.server({}).ports == frozenset({80, 443}) and not FetchPolicy.server({}).allow_loopback


@pytest.mark.parametrize("value", ["http://127.0.0.1:8080", "https://translate.example/base"])
def test_gtts_url(value, monkeypatch):
    from app.engines.gtts_http import base_url

    monkeypatch.setenv("VORLESER_GTTS_URL", value)
    assert base_url("de") == value


@pytest.mark.parametrize("value", ["ftp://x", "127.0.0.1:8080", "http://"])
def test_gtts_url_refuses(value, monkeypatch):
    from app.engines.gtts_http import base_url

    monkeypatch.setenv("VORLESER_GTTS_URL", value)
    with pytest.raises(ConfigError, match="VORLESER_GTTS_URL="):
        base_url("de")


@pytest.mark.parametrize("name, value", [("VORLESER_PRIVATE", "vielleicht"), ("VORLESER_SECURE_COOKIES", "2"),
                                         ("VORLESER_LOGIN_RATE_LIMIT", "viele"),
                                         ("VORLESER_RATELIMIT_STORAGE", "nirgends")])
def test_web_settings_refuse(name, value):
    from app.accounts.web import settings_from_env

    _refused(settings_from_env, name, value)


def test_web_settings_read():
    from app.accounts.web import settings_from_env

    assert settings_from_env({"VORLESER_PRIVATE": "ja", "VORLESER_SECURE_COOKIES": "0",
                              "VORLESER_LOGIN_RATE_LIMIT": "5 per minute"}) == \
        {"PRIVATE": True, "LOGIN_RATE_LIMIT": "5 per minute"}
    assert settings_from_env({}) == {}


def test_queue_settings_read_and_refuse(tmp_path):
    from app.jobs.queue import QueueSettings

    settings = QueueSettings.from_env(tmp_path, environ={"VORLESER_JOB_LEASE": "2.5", "VORLESER_BUILD_JOBS": "3",
                                                          "VORLESER_QUEUE": " redis://h:6379/0 "})
    assert (settings.lease, settings.build_jobs, settings.queue) == (2.5, 3, "redis://h:6379/0")
    for name, value in [("VORLESER_JOB_LEASE", "-5"), ("VORLESER_BUILD_JOBS", "zwei"), ("VORLESER_QUEUE", "redis")]:
        _refused(lambda env: QueueSettings.from_env(tmp_path, environ=env), name, value)
