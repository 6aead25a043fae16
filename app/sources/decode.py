"""Read a source file and turn its bytes into text.

Order: byte-order mark (UTF-8/16/32), then a declared charset (HTTP header or
HTML ``<meta charset>``), then strict UTF-8. Binary files and undecodable bytes
raise :class:`InputError` with the byte offset and a fix.
"""
from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from ..errors import InputError

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024

# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE mark.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (e.g. .docx, .odt or .epub)"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"ID3", "an MP3 file"),
    (b"\x7fELF", "a program"),
)

# C0 controls other than tab, LF, VT, FF, CR; plus DEL.
_CONTROL = frozenset(set(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D} | {0x7F})
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# WHATWG: these labels mean windows-1252 in practice.
_LATIN1_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}


def read_file(path: Path) -> bytes:
    """Read a file's bytes; missing files, folders and huge files raise InputError."""
    if not path.exists():
        hint = "the path is wrong or the file was moved; check the spelling"
        text = str(path)
        if re.match(r"^(www\.|[\w-]+\.(de|com|org|net|at|ch)/)", text):
            hint = f"a web address needs https:// in front; write https://{text}"
        raise InputError(f"file not found: {path}", hint)
    if path.is_dir():
        raise InputError(f"{path} is a folder, not a file",
                         "a folder was given; pass the article file inside it (.txt, .md or .html)")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"{path} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB",
                             "this is not a single article; pass a file with only the article text")
        return path.read_bytes()
    except PermissionError as exc:
        raise InputError(f"cannot read {path}: permission denied",
                         "the file is not readable for you; check its permissions (chmod +r)") from exc
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}",
                         "the disk or file system reported an error; "
                         "check that the file is readable") from exc


def sniff_meta_charset(data: bytes) -> str | None:
    """The charset declared in an HTML ``<meta>`` tag within the first 4 KB."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:65536]
    if b"\x00" in head:
        return "a binary file (it contains NUL bytes; UTF-16 text needs a byte-order mark)"
    controls = sum(1 for b in head if b in _CONTROL)
    if controls > max(8, len(head) // 20):
        return "a binary file (many control characters)"
    return None


def _decode_error(name: str, data: bytes, exc: UnicodeDecodeError, encoding: str) -> InputError:
    bad = data[exc.start:exc.start + 1].hex() if exc.start < len(data) else "end"
    return InputError(
        f"{name} is not valid {encoding}: undecodable byte 0x{bad} at offset {exc.start}",
        "the file uses another encoding (probably Latin-1 or Windows-1252); "
        f"save it as UTF-8, e.g. iconv -f latin1 -t utf-8 {name} > article-utf8.txt")


def _normalise(text: str, name: str) -> str:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name} is empty",
                         "it holds only blank lines and spaces; pass a file with the article text")
    return text


def decode_bytes(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode ``data`` (named ``name`` in messages) to text with normalised newlines."""
    if not data:
        raise InputError(f"{name} is empty", "the file has 0 bytes; pass a file with the article text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _normalise(data.decode(codec), name)
            except UnicodeDecodeError as exc:
                raise _decode_error(name, data, exc, codec.upper()) from exc
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"{name} looks like {kind}, not text",
                         "it is not an article text; pass a .txt, .md or .html file with the article")
    if declared:
        codec = "cp1252" if declared.lower() in _LATIN1_LABELS else declared
        try:
            codecs.lookup(codec)
        except LookupError:
            log.warning("unknown charset %r declared in %s; trying UTF-8", declared, name)
        else:
            try:
                return _normalise(data.decode(codec), name)
            except UnicodeDecodeError as exc:
                if codec == "cp1252":
                    return _normalise(data.decode("latin-1"), name)
                if codecs.lookup(codec).name != "utf-8":
                    log.warning("%s does not decode as declared %s; trying UTF-8", name, declared)
                else:
                    raise _decode_error(name, data, exc, "UTF-8") from exc
    try:
        return _normalise(data.decode("utf-8"), name)
    except UnicodeDecodeError as exc:
        raise _decode_error(name, data, exc, "UTF-8") from exc
