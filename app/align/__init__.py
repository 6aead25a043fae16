"""Forced alignment: exact word times for a recording of an article's text.

recording.py   decode any audio file to mono PCM at the pipeline's rate (ffmpeg)
reference.py   eSpeak NG's synthesis of the spoken text, laid out like a build (sentence cache)
features.py    MFCC-like features on a 10 ms grid, noise-floor matching, frequency warp
dtw.py         multi-resolution banded DTW in numpy (bounded memory for any length)
mapping.py     reference word boundaries through the path into the recording
confidence.py  per sentence and section: did the recording match? (refusal)
aligner.py     one recording against the reference of the part it narrates
layout.py      section cuts in the pauses, the build's section timelines
run.py         `vorleser align`: align, then encode and publish like a build
speech.py      short speech (a gTTS answer) against eSpeak's reference of its text
cli.py         the subcommand's arguments
"""
