"""Google's TTS endpoint (the one gTTS uses): request bodies, retries, clear errors.

gTTS packs the text into Google's RPC format without I/O (``gTTS.get_bodies``);
the HTTP part is ours so that we control timeouts, retries with backoff and
the error messages. ``$VORLESER_GTTS_URL`` (or ``base_url``) replaces
``https://translate.google.<tld>`` so a local fake server can stand in.
"""
from __future__ import annotations

import base64
import binascii
import email.utils
import json
import logging
import re
import threading
import time
from dataclasses import dataclass
from typing import Callable

import requests
from gtts import gTTS

from .. import envconfig
from ..errors import EngineError

log = logging.getLogger(__name__)

ENV_URL = "VORLESER_GTTS_URL"
RPC_PATH = "/_/TranslateWebserverUi/data/batchexecute"
HEADERS = dict(gTTS.GOOGLE_TTS_HEADERS)
_AUDIO = re.compile(r'jQ1olc","\[\\"(.*)\\"]')  # same pattern as gTTS.stream()
OFFLINE_HINT = "use --engine espeak (offline)"


def base_url(tld: str, override: str | None = None) -> str:
    """``override``, else ``$VORLESER_GTTS_URL``, else ``https://translate.google.<tld>``."""
    return (override or envconfig.http_url(ENV_URL) or f"https://translate.google.{tld}").rstrip("/")


def request_bodies(text: str, lang: str, tld: str, slow: bool) -> list[str]:
    """Request bodies for ``text``: one, or several when gTTS must split a >100-char token.

    No pre-processors: the text is already normalised, and gTTS's default
    ``abbreviations`` pre-processor drops the period after any word ending in
    "st", "dr", "sr", ... ("Das ist fast." -> "Das ist fast").
    """
    try:
        return gTTS(text, tld=tld, lang=lang, slow=slow, lang_check=False,
                    pre_processor_funcs=[]).get_bodies()
    except AssertionError:  # gTTS asserts that something speakable is left
        return []


def parse_audio(body: str) -> bytes:
    """The MP3 bytes inside a batchexecute answer (b"" when there are none)."""
    parts = []
    for line in body.splitlines():
        match = _AUDIO.search(line) if "jQ1olc" in line else None
        if match:
            try:
                parts.append(base64.b64decode(match.group(1).encode("ascii")))
            except (binascii.Error, UnicodeEncodeError) as exc:
                raise EngineError("Google's answer held broken audio data",
                                  "Google changed its TTS interface; update gTTS or " + OFFLINE_HINT) from exc
    return b"".join(parts)


def encode_response(mp3: bytes) -> str:
    """A batchexecute answer carrying ``mp3``, as Google sends it (for fakes and tests)."""
    payload = json.dumps([["wrb.fr", "jQ1olc", json.dumps([base64.b64encode(mp3).decode("ascii")]),
                           None, None, None, "generic"]], separators=(",", ":"))
    return f")]}}'\n\n{len(payload)}\n{payload}\n25\n[[\"e\",4,null,null,{len(payload) + 40}]]\n"


class Cancelled(Exception):
    """Another request failed; this one gave up (never reaches the user)."""


@dataclass
class RetryPolicy:
    timeout: float
    retries: int  # attempts = retries + 1
    backoff: float
    max_backoff: float
    max_retry_after: float
    sleep: Callable[[float], None]
    random: Callable[[], float]

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """Full jitter: min(max_backoff, backoff * 2**attempt) * random(); Retry-After wins (capped)."""
        delay = min(self.max_backoff, self.backoff * 2 ** attempt) * self.random()
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.max_retry_after))
        return delay


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP date)."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _final_error(kind: str, status: int | None, url: str, policy: RetryPolicy) -> EngineError:
    tries = f"{policy.retries + 1} attempt{'s' if policy.retries else ''}"
    host = url.split("/_/")[0]
    if kind == "timeout":
        return EngineError(f"Google's TTS service ({host}) sent no answer within {policy.timeout:g}s "
                           f"({tries})", "a slow or blocked network; try again later or " + OFFLINE_HINT)
    if kind == "connection":
        return EngineError(f"cannot reach Google's TTS service ({host}) ({tries})",
                           "you seem to be offline, or a firewall or proxy blocks it; "
                           "check the connection or " + OFFLINE_HINT)
    if status == 429:
        return EngineError(f"Google is rate-limiting requests (HTTP 429), still after {tries}",
                           "too many requests from this address; wait a few minutes or " + OFFLINE_HINT)
    return EngineError(f"Google's TTS service failed with HTTP {status} ({tries})",
                       "a temporary problem on Google's side; try again later or " + OFFLINE_HINT)


def _refused(status: int, lang: str) -> EngineError:
    if status == 200:
        return EngineError("Google's answer held no audio",
                           f"the language '{lang}' is not supported, or Google changed its TTS interface; "
                           "update gTTS ('pip install -U gTTS') or " + OFFLINE_HINT)
    return EngineError(f"Google refused the TTS request (HTTP {status})",
                       "Google changed its TTS interface or blocks this address; "
                       "update gTTS ('pip install -U gTTS') or " + OFFLINE_HINT)


def fetch_mp3(session: requests.Session, url: str, body: str, lang: str, policy: RetryPolicy,
              cancelled: threading.Event | None = None) -> bytes:
    """POST one request body; retry on 429, 5xx, connection errors and timeouts."""
    kind, status = "connection", None
    for attempt in range(policy.retries + 1):
        if cancelled is not None and cancelled.is_set():
            raise Cancelled()
        retry_after = None
        try:
            rsp = session.post(url, data=body, headers=HEADERS, timeout=policy.timeout)
        except requests.Timeout as exc:  # before ConnectionError: ConnectTimeout is both
            kind, status = "timeout", None
            log.debug("gTTS attempt %d: %s", attempt + 1, exc)
        except requests.ConnectionError as exc:
            kind, status = "connection", None
            log.debug("gTTS attempt %d: %s", attempt + 1, exc)
        except requests.RequestException as exc:
            raise EngineError("the request to Google's TTS service failed", str(exc)) from exc
        else:
            if rsp.status_code == 200:
                audio = parse_audio(rsp.text)
                if not audio:
                    raise _refused(200, lang)
                return audio
            if rsp.status_code != 429 and rsp.status_code < 500:
                raise _refused(rsp.status_code, lang)
            kind, status = "http", rsp.status_code
            retry_after = retry_after_seconds(rsp.headers.get("Retry-After"))
        if attempt == policy.retries:
            break
        delay = policy.delay(attempt, retry_after)
        log.info("gTTS request failed (%s), retry %d/%d in %.1fs", status or kind, attempt + 1,
                 policy.retries, delay)
        policy.sleep(delay)
    raise _final_error(kind, status, url, policy)


def is_reachable(timeout: float = 3.0, tld: str = "de", base: str | None = None,
                 session: requests.Session | None = None) -> bool:
    """True when Google's TTS host answers (and is not rate-limiting or failing)."""
    url = base_url(tld, base) + "/"
    try:
        rsp = (session or requests).head(url, timeout=timeout, allow_redirects=False)
    except requests.RequestException as exc:
        log.info("gTTS host %s is not reachable: %s", url, exc)
        return False
    return rsp.status_code != 429 and rsp.status_code < 500
