"""gTTS word times by alignment: the faked Google endpoint answers with speech of the
requested text (another eSpeak voice, as 24 kHz MP3), whose true word times are known."""
from __future__ import annotations

import json
import re
import tempfile
import urllib.parse
from pathlib import Path

import numpy as np
import pytest
import responses

from app.engines.base import SpeechItem
from app.engines.espeak import EspeakEngine
from app.engines.gtts_engine import GttsEngine
from app.engines.gtts_http import ENV_URL, encode_response
from app.ffmpeg import encode_mp3
from app.model import from_raw
from app.pipeline.build import BuildOptions, build_article
from tests.support import small_raw

URL = "https://translate.google.de/_/TranslateWebserverUi/data/batchexecute"
LEAD_S, TAIL_S = 0.12, 0.2  # Google's answers start and end with a little silence
LONG = ("Unter großer Geheimhaltung, so berichten es übereinstimmend mehrere Quellen aus Seoul, "
        "hat sich der nordkoreanische Machthaber im Herbst mit dem russischen Präsidenten getroffen.")


def item(text: str) -> SpeechItem:
    return SpeechItem(text, tuple(m.start() for m in re.finditer(r"\S+", text)))


def sent_text(request) -> str:
    freq = urllib.parse.parse_qs(request.body)["f.req"][0]
    return json.loads(json.loads(freq)[0][0][1])[0]


class SpeakingGoogle:
    """Answers each request with a female eSpeak voice saying its text; keeps the true onsets."""

    def __init__(self):
        self.voice = EspeakEngine(voice="de+f2", rate=185, pitch=65)
        self.truth: dict[str, list[float]] = {}  # request text -> onsets (s) in the answer

    def __call__(self, request):
        text = sent_text(request)
        speech = self.voice.synthesize([item(text)])[0]
        rate = speech.sample_rate
        pcm = np.concatenate([np.zeros(int(LEAD_S * rate), "<i2"), np.frombuffer(speech.pcm, "<i2"),
                              np.zeros(int(TAIL_S * rate), "<i2")])
        self.truth[text] = [LEAD_S + o / rate for o, m in zip(speech.token_onsets, speech.methods)
                            if m == "engine"] if all(m == "engine" for m in speech.methods) else []
        with tempfile.TemporaryDirectory() as tmp:  # a seekable file gets the LAME tag: no encoder delay
            path = Path(tmp) / "answer.mp3"
            encode_mp3(pcm.tobytes(), rate, path, bitrate_kbps=48)
            return 200, {}, encode_response(path.read_bytes())


@pytest.fixture
def google(monkeypatch):
    monkeypatch.delenv(ENV_URL, raising=False)
    fake = SpeakingGoogle()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add_callback(responses.POST, URL, callback=fake)
        yield fake, mock


def test_word_onsets_are_aligned_not_estimated(google):
    fake, mock = google
    items = [item(LONG), item("Das ist ein kurzer Test mit sieben Wörtern.")]
    speeches = GttsEngine(retries=0).synthesize(items)
    assert len(mock.calls) == 3  # LONG is two chunks
    for speech, it in zip(speeches, items):
        assert not speech.estimated
        assert speech.methods.count("aligned") >= len(it.token_starts) - 1
        assert speech.token_onsets == sorted(speech.token_onsets)
    # true onsets of the one-chunk sentence, and of LONG's first chunk (it starts at 0)
    short_text = items[1].text
    short = np.asarray(speeches[1].token_onsets) / 24000 - np.asarray(fake.truth[short_text])
    first = next(sent_text(c.request) for c in mock.calls if LONG.startswith(sent_text(c.request)))
    n = len(first.split())
    long_ = np.asarray(speeches[0].token_onsets[:n]) / 24000 - np.asarray(fake.truth[first])
    errors = np.abs(np.concatenate([short, long_]))
    assert np.percentile(errors, 95) <= 0.040 and errors.max() <= 0.080, errors


def test_alignment_is_at_least_three_times_better_than_the_estimate(google):
    fake, mock = google
    text = "Nordkorea und Russland vertiefen ihre militärische Zusammenarbeit, berichten Beobachter in Seoul."
    aligned = GttsEngine(retries=0).synthesize([item(text)])[0]
    estimated = GttsEngine(retries=0, align_words=False).synthesize([item(text)])[0]
    assert estimated.estimated and set(estimated.methods) == {"estimated"}
    truth = np.asarray(fake.truth[text])
    err_aligned = np.abs(np.asarray(aligned.token_onsets) / 24000 - truth)
    err_estimated = np.abs(np.asarray(estimated.token_onsets) / 24000 - truth)
    assert np.percentile(err_aligned, 95) * 3 <= np.percentile(err_estimated, 95), (err_aligned, err_estimated)


def test_build_manifest_records_aligned_gtts_words(google, tmp_path):
    article = from_raw(small_raw(), "klein")
    build_article(article, GttsEngine(retries=0), BuildOptions(out_dir=tmp_path, quiet=True, jobs=1))
    manifest = json.loads((tmp_path / "klein" / "manifest.json").read_text("utf-8"))
    assert manifest["engine"]["name"] == "gtts" and manifest["engine"]["estimated_words"] is False
    words = [w for s in manifest["sections"] for t in s["sentences"] for w in t["words"]]
    methods = [w["method"] for w in words]
    assert methods.count("aligned") >= 0.9 * len(words) and "estimated" not in methods
    assert not any("estimated" in w for w in words)
