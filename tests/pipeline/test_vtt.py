from app.pipeline.vtt import captions, chapters, timestamp


def test_timestamp_format():
    assert timestamp(0) == "00:00:00.000"
    assert timestamp(3_723_456) == "01:02:03.456"


SECTIONS = [{"id": "a", "heading": "Erster <Teil>", "offset_ms": 0, "duration_ms": 5000,
             "sentences": [{"id": "a-h", "text": "Erster <Teil>", "begin_ms": 0, "end_ms": 900},
                           {"id": "a-1", "text": "A & B --> C.", "begin_ms": 1200, "end_ms": 4000}]},
            {"id": "b", "heading": "Zweiter", "offset_ms": 5000, "duration_ms": 2000,
             "sentences": [{"id": "b-h", "text": "Zweiter", "begin_ms": 0, "end_ms": 800}]}]


def test_captions_on_full_timeline_and_escaped():
    text = captions(SECTIONS)
    assert text.startswith("WEBVTT\n\n")
    assert "00:00:05.000 --> 00:00:05.800" in text
    assert "Erster &lt;Teil&gt;" in text and "A &amp; B --&gt; C." in text
    assert text.count(" --> ") == 3


def test_chapters_one_cue_per_section():
    text = chapters(SECTIONS)
    assert text.count(" --> ") == 2
    assert "00:00:05.000 --> 00:00:07.000\nZweiter" in text
