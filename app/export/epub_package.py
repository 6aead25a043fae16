"""The EPUB package document (OPF) and META-INF/container.xml.

Holds the Dublin Core and accessibility metadata (schema.org terms, EPUB
Accessibility 1.1 vocabulary), the media overlay durations, the manifest of
all files and the spine (reading order).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .epub_smil import clock
from .epub_xhtml import ACTIVE_CLASS, text

PACKAGE_PATH = "EPUB/package.opf"

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""

ACCESS_MODES = ("textual", "auditory")
ACCESS_MODES_SUFFICIENT = ("textual", "auditory", "textual,auditory")
ACCESSIBILITY_FEATURES = ("synchronizedAudioText", "structuralNavigation", "tableOfContents",
                          "readingOrder", "displayTransformability")
NARRATORS = {"espeak": "eSpeak NG (synthetische Stimme)", "gtts": "Google Text-to-Speech (synthetische Stimme)",
             "recording": "Sprachaufnahme (Wörter zeitlich ausgerichtet)"}


@dataclass(frozen=True)
class Item:
    id: str
    href: str  # relative to the package document
    media_type: str
    properties: str | None = None
    media_overlay: str | None = None


@dataclass
class BookMeta:
    identifier: str  # "urn:uuid:..."
    title: str
    lang: str
    modified: str  # CCYY-MM-DDThh:mm:ssZ
    description: str = ""
    engine: str = ""
    word_level: bool = False
    overlay_ms: dict[str, int] = field(default_factory=dict)  # SMIL item id -> duration


def accessibility_summary(meta: BookMeta) -> str:
    unit = "Jedes Wort" if meta.word_level else "Jeder Satz"
    voice = NARRATORS.get(meta.engine, "synthetische Stimme")
    return (f"Dieses E-Book enthält den vollständigen Text des Artikels und dazu eine synchrone Sprachausgabe "
            f"(Media Overlays): {unit} ist mit der passenden Stelle der Audiodatei verknüpft und "
            f"wird beim Vorlesen hervorgehoben. Text und Ton enthalten dieselben Inhalte; jedes von beiden "
            f"genügt allein. Überschriften, ein Inhaltsverzeichnis und eine logische Lesereihenfolge erleichtern "
            f"die Navigation; Schriftgröße und Darstellung lassen sich anpassen. Es gibt keine Bilder und keine "
            f"bekannten Gefahren. Sprecher: {voice}.")


def _metadata(meta: BookMeta) -> list[str]:
    lines = [
        f'    <dc:identifier id="uid">{text(meta.identifier)}</dc:identifier>',
        f"    <dc:title>{text(meta.title)}</dc:title>",
        f"    <dc:language>{text(meta.lang)}</dc:language>",
        "    <dc:publisher>Vorleser</dc:publisher>",
        f"    <dc:date>{meta.modified[:10]}</dc:date>",
        f'    <meta property="dcterms:modified">{meta.modified}</meta>',
    ]
    if meta.description:
        lines.append(f"    <dc:description>{text(meta.description)}</dc:description>")
    lines += [f'    <meta property="schema:accessMode">{m}</meta>' for m in ACCESS_MODES]
    lines += [f'    <meta property="schema:accessModeSufficient">{m}</meta>' for m in ACCESS_MODES_SUFFICIENT]
    lines += [f'    <meta property="schema:accessibilityFeature">{f}</meta>' for f in ACCESSIBILITY_FEATURES]
    lines += [
        '    <meta property="schema:accessibilityHazard">none</meta>',
        f'    <meta property="schema:accessibilitySummary">{text(accessibility_summary(meta))}</meta>',
        f'    <meta property="media:active-class">{ACTIVE_CLASS}</meta>',
        f'    <meta property="media:narrator">{text(NARRATORS.get(meta.engine, meta.engine or "Vorleser"))}</meta>',
        f'    <meta property="media:duration">{clock(sum(meta.overlay_ms.values()))}</meta>',
    ]
    lines += [f'    <meta property="media:duration" refines="#{item_id}">{clock(ms)}</meta>'
              for item_id, ms in meta.overlay_ms.items()]
    return lines


def _item(item: Item) -> str:
    extra = ""
    if item.properties:
        extra += f' properties="{item.properties}"'
    if item.media_overlay:
        extra += f' media-overlay="{item.media_overlay}"'
    return f'    <item id="{item.id}" href="{text(item.href)}" media-type="{item.media_type}"{extra}/>'


def _itemref(idref: str) -> str:
    """Spine entry; ``"nav"`` is listed but not in the linear reading order."""
    linear = ' linear="no"' if idref == "nav" else ""
    return f'    <itemref idref="{idref}"{linear}/>'


def package_document(meta: BookMeta, items: list[Item], spine: list[str]) -> str:
    """The OPF; ``spine`` lists item ids in reading order."""
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" '
        f'xml:lang="{text(meta.lang)}">',
        '  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">',
        *_metadata(meta),
        "  </metadata>",
        "  <manifest>",
        *(_item(item) for item in items),
        "  </manifest>",
        "  <spine>",
        *(_itemref(idref) for idref in spine),
        "  </spine>",
        "</package>",
        "",
    ])
