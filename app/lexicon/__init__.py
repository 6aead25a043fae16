"""Pronunciation lexicons (W3C PLS 1.0): English loanwords, foreign names and
whatever an editor adds, spoken right without changing the displayed text.

    load_lexicons(paths)            the default lexicon merged with user files (later wins)
    apply_lexicon(article, lex, e)  the article with entries applied for engine e, and their Usage
    default_path()                  where the bundled default.pls lives

The editor API (list, add, edit, remove entries of a user file; audition a
text; find the articles a grapheme occurs in) is in :mod:`app.lexicon.editor`.
"""
from __future__ import annotations

from .apply import Usage, apply_lexicon, apply_text
from .model import Entry, Lexicon
from .output import LEXICON_FILE, write_used_lexicon
from .sources import ENV, default_lexicon, default_path, lexicon_paths, load_lexicons

__all__ = ["ENV", "Entry", "LEXICON_FILE", "Lexicon", "Usage", "apply_lexicon", "apply_text", "default_lexicon",
           "default_path", "lexicon_paths", "load_lexicons", "write_used_lexicon"]
