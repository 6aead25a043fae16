"""Read and write W3C Pronunciation Lexicon Specification (PLS) 1.0 files.

Parsing uses lxml with entity resolution, DTD loading and network access
switched off, and refuses any document with a DOCTYPE, so hostile XML
(billion laughs, external entities) never expands or reaches a file or the
network. Every problem is one :class:`~app.errors.LexiconError` line that
names the file, the line and the fix.

What Vorleser reads of a ``<lexeme>``: its ``<grapheme>`` elements (one or
more), the first (or ``prefer="true"``) ``<phoneme>`` in the ``x-espeak``
alphabet, the first (or preferred) ``<alias>``. Phonemes in other alphabets
(``ipa``, ...) are kept but not spoken: eSpeak NG takes only its own codes.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from lxml import etree

from ..errors import LexiconError
from .model import ESPEAK_ALPHABET, Entry, Lexicon, normalize_grapheme

log = logging.getLogger(__name__)

NS = "http://www.w3.org/2005/01/pronunciation-lexicon"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MEDIA_TYPE = "application/pls+xml"
MAX_BYTES = 5 * 1024 * 1024
_LEXEME_CHILDREN = {"grapheme", "phoneme", "alias", "example"}
_LEXICON_CHILDREN = {"lexeme", "meta", "metadata"}
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
_ESPEAK_CODE = re.compile(r"[\x21-\x5a\x5c\x5e-\x7e]+(?: [\x21-\x5a\x5c\x5e-\x7e]+)*")  # printable ASCII, no [ ]


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def _fail(name: str, line: int | None, what: str, fix: str) -> LexiconError:
    where = f"lexicon {name}" + (f", line {line}" if line else "")
    return LexiconError(f"{where}: {what}", fix)


def parse_file(path: str | Path) -> Lexicon:
    """The lexicon in ``path``; LexiconError when it is missing, unreadable or invalid."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail(str(path), None, f"the file has {size // 1024} KiB",
                        f"a lexicon may have at most {MAX_BYTES // (1024 * 1024)} MiB; split it into several files")
        data = path.read_bytes()
    except FileNotFoundError:
        raise LexiconError(f"lexicon file {path} not found",
                           "check the path given with --lexicon or in $VORLESER_LEXICON") from None
    except IsADirectoryError:
        raise LexiconError(f"lexicon {path} is a folder", "give the path of a .pls file") from None
    except OSError as exc:
        raise LexiconError(f"cannot read lexicon {path}", f"{exc.strerror}; check its permissions") from exc
    return parse_bytes(data, str(path))


def parse_bytes(data: bytes, name: str = "<text>") -> Lexicon:
    """The lexicon in ``data`` (a whole PLS document); ``name`` is used in messages and as the entries' source."""
    found = _DTD.search(data)
    if found:
        line = data.count(b"\n", 0, found.start()) + 1
        raise _fail(name, line, "DTDs and entity declarations are not allowed",
                    "remove the <!DOCTYPE ...> block; a PLS lexicon needs none")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        message = " ".join(str(exc.msg or exc).split(", line ")[0].split())[:160]
        raise _fail(name, exc.lineno, f"not well-formed XML: {message}",
                    "fix the XML (every tag closed, & written as &amp;, < as &lt;)") from None
    if root.getroottree().docinfo.doctype:
        raise _fail(name, 1, "DTDs and entity declarations are not allowed",
                    "remove the <!DOCTYPE ...> block; a PLS lexicon needs none")
    return Lexicon.from_entries(_entries(root, name), name)


def _check_root(root, name: str) -> str:
    if root.tag != f"{{{NS}}}lexicon":
        raise _fail(name, root.sourceline, f"the root element is <{etree.QName(root).localname}>"
                    + ("" if etree.QName(root).namespace == NS else " outside the PLS namespace"),
                    f'a PLS lexicon starts with <lexicon version="1.0" xmlns="{NS}" alphabet="x-espeak" xml:lang="de">')
    if root.get("version") != "1.0":
        raise _fail(name, root.sourceline, f"version is {root.get('version')!r}", 'use version="1.0" (PLS 1.0)')
    lang = root.get(XML_LANG) or ""
    if not re.fullmatch(r"de(-[A-Za-z0-9]+)*", lang, re.IGNORECASE):
        raise _fail(name, root.sourceline, f"xml:lang is {lang!r}" if lang else "xml:lang is missing",
                    'Vorleser reads German: use xml:lang="de"')
    alphabet = root.get("alphabet")
    if not alphabet:
        raise _fail(name, root.sourceline, "the alphabet attribute is missing",
                    'add alphabet="x-espeak" (eSpeak phoneme codes) to <lexicon>')
    return alphabet


def _text(element, name: str) -> str:
    if len(element):
        raise _fail(name, element.sourceline, f"<{etree.QName(element).localname}> holds markup",
                    "write plain text only inside it")
    return " ".join((element.text or "").split())


def _preferred(candidates: list[tuple[str, bool]]) -> str | None:
    """The first candidate with prefer="true", else the first (PLS 1.0, section 4.9)."""
    for text, prefer in candidates:
        if prefer:
            return text
    return candidates[0][0] if candidates else None


def _entries(root, name: str) -> list[Entry]:
    alphabet = _check_root(root, name)
    entries = []
    for child in root:
        qname = etree.QName(child)
        if qname.namespace != NS:
            continue  # elements of other vocabularies are allowed and ignored
        if qname.localname not in _LEXICON_CHILDREN:
            raise _fail(name, child.sourceline, f"unknown element <{qname.localname}>",
                        "a lexicon holds <lexeme>, <meta> and <metadata> elements only")
        if qname.localname == "lexeme":
            entries.append(_lexeme(child, alphabet, name))
    return entries


def _lexeme(lexeme, alphabet: str, name: str) -> Entry:
    graphemes: list[str] = []
    phonemes: list[tuple[str, bool]] = []
    aliases: list[tuple[str, bool]] = []
    others: list[tuple[str, str]] = []
    for child in lexeme:
        qname = etree.QName(child)
        if qname.namespace != NS:
            continue
        tag = qname.localname
        if tag not in _LEXEME_CHILDREN:
            raise _fail(name, child.sourceline, f"unknown element <{tag}> in <lexeme>",
                        "a lexeme holds <grapheme>, <phoneme>, <alias> and <example> elements only")
        if tag == "example":
            continue
        text = _text(child, name)
        if not text:
            raise _fail(name, child.sourceline, f"<{tag}> is empty", f"write the {tag} text or remove the element")
        prefer = child.get("prefer") == "true"
        if tag == "grapheme":
            graphemes.append(normalize_grapheme(text))
        elif tag == "alias":
            aliases.append((text, prefer))
        elif child.get("alphabet", alphabet) == ESPEAK_ALPHABET:
            check_espeak_code(text, name, child.sourceline)
            phonemes.append((text, prefer))
        else:
            others.append((child.get("alphabet", alphabet), text))
    if not graphemes:
        raise _fail(name, lexeme.sourceline, "<lexeme> has no <grapheme>",
                    "add the written form, e.g. <grapheme>Meeting</grapheme>")
    if not (phonemes or aliases or others):
        raise _fail(name, lexeme.sourceline, f"<lexeme> for '{graphemes[0]}' has no <phoneme> and no <alias>",
                    "add <phoneme>…</phoneme> (eSpeak codes) or <alias>…</alias> (a respelling)")
    return Entry(tuple(graphemes), _preferred(phonemes), _preferred(aliases), name, lexeme.sourceline or 0,
                 tuple(others))


def check_espeak_code(text: str, name: str = "<entry>", line: int | None = None) -> None:
    """Refuse what cannot be eSpeak phoneme code: non-ASCII (IPA), brackets, control characters."""
    if not _ESPEAK_CODE.fullmatch(text):
        raise _fail(name, line, f"the phoneme {text!r} is not eSpeak phoneme code",
                    "write eSpeak NG's ASCII phoneme names (e.g. l'aIf; see 'vorleser aussprache'), "
                    'or give IPA with alphabet="ipa" (kept, but not spoken by eSpeak)')


def to_bytes(entries: list[Entry], ipa: dict[str, str] | None = None) -> bytes:
    """A PLS 1.0 document (UTF-8) with ``entries``; ``ipa`` (phoneme -> IPA) adds an IPA
    pronunciation before the eSpeak one, for reading systems that speak IPA."""
    root = etree.Element(f"{{{NS}}}lexicon", nsmap={None: NS})
    root.set("version", "1.0")
    root.set("alphabet", ESPEAK_ALPHABET)
    root.set(XML_LANG, "de")
    for entry in entries:
        lexeme = etree.SubElement(root, f"{{{NS}}}lexeme")
        for grapheme in entry.graphemes:
            etree.SubElement(lexeme, f"{{{NS}}}grapheme").text = grapheme
        if ipa and entry.phoneme and ipa.get(entry.phoneme):
            node = etree.SubElement(lexeme, f"{{{NS}}}phoneme")
            node.set("alphabet", "ipa")
            node.text = ipa[entry.phoneme]
        if entry.phoneme:
            etree.SubElement(lexeme, f"{{{NS}}}phoneme").text = entry.phoneme
        for alphabet, text in entry.others:
            node = etree.SubElement(lexeme, f"{{{NS}}}phoneme")
            node.set("alphabet", alphabet)
            node.text = text
        if entry.alias:
            etree.SubElement(lexeme, f"{{{NS}}}alias").text = entry.alias
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
