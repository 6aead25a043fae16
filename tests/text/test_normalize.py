"""Display tokens and spoken normalisation (app.text.normalize)."""
from __future__ import annotations

import importlib.util
import re
import time
from pathlib import Path

import pytest

from app.text.normalize import Token, spoken_sentence, tokenize
from app.text.split import split_sentences

ARTICLE = Path(__file__).resolve().parents[2] / "app" / "articles" / "nordkorea-russland.txt"
QUOTES = "„“”\"‚‘»«›‹"

# (display sentence, expected spoken sentence)
CASES = [
    ('Er nannte z. B. Äpfel.',
     'Er nannte zum Beispiel Äpfel.'),
    ('Er nannte z.B. Äpfel.',
     'Er nannte zum Beispiel Äpfel.'),
    ('Das ist teuer, d. h. wir warten.',
     'Das ist teuer, das heißt wir warten.'),
    ('Sie sprach u. a. mit Putin.',
     'Sie sprach unter anderem mit Putin.'),
    ('Es gab Äpfel, Birnen usw.',
     'Es gab Äpfel, Birnen und so weiter.'),
    ('Es waren ca. 300 Menschen.',
     'Es waren zirka dreihundert Menschen.'),
    ('Dr. Müller und Prof. Schmidt kamen.',
     'Doktor Müller und Professor Schmidt kamen.'),
    ('Haus Nr. 12 brannte ab.',
     'Haus Nummer zwölf brannte ab.'),
    ('Die Kosten bzw. Ausgaben stiegen.',
     'Die Kosten beziehungsweise Ausgaben stiegen.'),
    ('Sie ist Oberst a. D.',
     'Sie ist Oberst außer Dienst.'),
    ('Das kostet 1,2 Mio. Euro.',
     'Das kostet eins Komma zwei Millionen Euro.'),
    ('Das kostet 1 Mio. Euro.',
     'Das kostet eine Million Euro.'),
    ('Das kostet 3 Mrd. €.',
     'Das kostet drei Milliarden Euro.'),
    ('Im 19. Jh. wuchs die Stadt.',
     'Im neunzehnten Jahrhundert wuchs die Stadt.'),
    ('Am 1. Mai demonstrierten viele.',
     'Am ersten Mai demonstrierten viele.'),
    ('Der 3. Oktober ist ein Feiertag.',
     'Der dritte Oktober ist ein Feiertag.'),
    ('Im 19. Jahrhundert wuchs Berlin.',
     'Im neunzehnten Jahrhundert wuchs Berlin.'),
    ('Die Feier des 3. Oktobers war groß.',
     'Die Feier des dritten Oktobers war groß.'),
    ('Zum 2. Mal gewann er.',
     'Zum zweiten Mal gewann er.'),
    ('Er holte ein 3. Platz.',
     'Er holte ein dritter Platz.'),
    ('Am 3. 10. 1990 kam die Einheit.',
     'Am dritten Oktober neunzehnhundertneunzig kam die Einheit.'),
    ('Der 3.10.1990 war ein Mittwoch.',
     'Der dritte Oktober neunzehnhundertneunzig war ein Mittwoch.'),
    ('Berlin, 3. Oktober 1990',
     'Berlin, dritter Oktober neunzehnhundertneunzig'),
    ('In der 3. Klasse lernte sie lesen.',
     'In der dritten Klasse lernte sie lesen.'),
    ('Der Zins liegt bei 5 %.',
     'Der Zins liegt bei fünf Prozent.'),
    ('Der Zins liegt bei 5%.',
     'Der Zins liegt bei fünf Prozent.'),
    ('Die Inflation lag bei 12,5 Prozent.',
     'Die Inflation lag bei zwölf Komma fünf Prozent.'),
    ('Ein Kaffee kostet 3,50 €.',
     'Ein Kaffee kostet drei Euro fünfzig.'),
    ('Ein Kaffee kostet € 3,50.',
     'Ein Kaffee kostet drei Euro fünfzig.'),
    ('Ein Kaffee kostet 3,50 Euro.',
     'Ein Kaffee kostet drei Euro fünfzig.'),
    ('Das Ticket kostet 100 Euro.',
     'Das Ticket kostet einhundert Euro.'),
    ('Das Ticket kostet 0,50 €.',
     'Das Ticket kostet fünfzig Cent.'),
    ('Der Zug fährt um 18:30 Uhr.',
     'Der Zug fährt um achtzehn Uhr dreißig.'),
    ('Der Zug fährt um 9 Uhr.',
     'Der Zug fährt um neun Uhr.'),
    ('Der Zug fährt um 1 Uhr.',
     'Der Zug fährt um ein Uhr.'),
    ('Im Jahr 1990 fiel die Mauer.',
     'Im Jahr neunzehnhundertneunzig fiel die Mauer.'),
    ('Im Sommer 1848 gab es Unruhen.',
     'Im Sommer achtzehnhundertachtundvierzig gab es Unruhen.'),
    ('Seit 1848 gibt es das.',
     'Seit achtzehnhundertachtundvierzig gibt es das.'),
    ('Es war 2024 so weit.',
     'Es war zweitausendvierundzwanzig so weit.'),
    ('Es kamen 1.760 Menschen.',
     'Es kamen eintausendsiebenhundertsechzig Menschen.'),
    ('Es kamen 1.000.000 Menschen.',
     'Es kamen eine Million Menschen.'),
    ('Der Wert ist 3,5.',
     'Der Wert ist drei Komma fünf.'),
    ('Friedrich II. war König.',
     'Friedrich der Zweite war König.'),
    ('Ludwig XIV. baute Versailles.',
     'Ludwig der Vierzehnte baute Versailles.'),
    ('Papst Benedikt XVI. trat zurück.',
     'Papst Benedikt der Sechzehnte trat zurück.'),
    ('Er sprach mit Friedrich II. über Krieg.',
     'Er sprach mit Friedrich dem Zweiten über Krieg.'),
    ('Der II. Weltkrieg endete 1945.',
     'Der zweite Weltkrieg endete neunzehnhundertfünfundvierzig.'),
    ('Das geschah 500 v. Chr.',
     'Das geschah fünfhundert vor Christus.'),
    ('Siehe S. 12 und Art. 5 Abs. 2 GG.',
     'Siehe Seite zwölf und Artikel fünf Absatz zwei GG.'),
    ('Es war 25 °C warm.',
     'Es war fünfundzwanzig Grad Celsius warm.'),
    ('Das steht in § 3 BGB.',
     'Das steht in Paragraf drei BGB.'),
    ('Er lebte von 1900 bis 1990.',
     'Er lebte von neunzehnhundert bis neunzehnhundertneunzig.'),
    ('Die Jahre 1914–1918 waren hart.',
     'Die Jahre neunzehnhundertvierzehn bis neunzehnhundertachtzehn waren hart.'),
    ('In den 1990er Jahren boomte es.',
     'In den neunzehnhundertneunziger Jahren boomte es.'),
    ('In den 90er Jahren boomte es.',
     'In den neunziger Jahren boomte es.'),
    ('Die Strecke ist 5 km lang.',
     'Die Strecke ist fünf Kilometer lang.'),
    ('„Wir kommen.“',
     'Wir kommen.'),
    ('„Kommst du?“, fragte sie.',
     'Kommst du? fragte sie.'),
    ('Er zögerte … und ging.',
     'Er zögerte, und ging.'),
    ('Müller & Söhne – eine Firma – wächst.',
     'Müller und Söhne, eine Firma, wächst.'),
    ('Er sagte (leise) nein.',
     'Er sagte, leise, nein.'),
    ('Das ist eine 10-Jährige.',
     'Das ist eine zehn-Jährige.'),
    ('Sergej Schoigu traf Kim Jong Un in Pjöngjang.',
     'Sergej Schoigu traf Kim Jong Un in Pjöngjang.'),
    ('Vom 1. bis 3. Mai war Messe.',
     'Vom ersten bis dritten Mai war Messe.'),
    ('Das war im Jahr II.',
     'Das war im Jahr zwei.'),
    ('Er ist Nr. 1.',
     'Er ist Nummer eins.'),
    ('Kim sagte, er sei von einem russischen Sieg überzeugt.',
     'Kim sagte, er sei von einem russischen Sieg überzeugt.'),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_spoken_table(sentence: str, expected: str) -> None:
    assert spoken_sentence(sentence) == expected


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 30


def check_tokens(sentence: str, tokens: list[Token]) -> None:
    """Order, no overlap, spans on display words, every display word covered once."""
    end = 0
    for t in tokens:
        assert end <= t.start < t.end <= len(sentence), (sentence, t)
        end = t.end
        span = sentence[t.start:t.end]
        assert span == span.strip(), (sentence, t)
        assert span[0].isalnum() or span[0] in "€$§", (sentence, t)
        assert span[-1].isalnum() or span[-1] in ".%‰€$°" or span[-2:] in (",-", ",–"), (sentence, t)
        assert t.spoken.strip() == t.spoken and t.spoken, (sentence, t)
        assert not any(q in t.spoken for q in QUOTES), (sentence, t)
    for m in re.finditer(r"\S+", sentence):
        cores = [i for i, ch in enumerate(m.group()) if ch.isalnum()]
        if not cores:
            continue
        first, last = m.start() + cores[0], m.start() + cores[-1] + 1
        covering = [t for t in tokens if t.start < last and first < t.end]
        assert len(covering) == 1, (sentence, m.group(), covering)
        assert covering[0].start <= first and last <= covering[0].end, (sentence, m.group())
    assert spoken_sentence(sentence) == " ".join(t.spoken for t in tokens)


def _split_cases() -> list[tuple[str, list[str]]]:
    """The sentence-splitting table of test_split.py (loaded by path: tests/ has no packages)."""
    spec = importlib.util.spec_from_file_location("_text_split_cases", Path(__file__).with_name("test_split.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CASES


def _tricky_sentences() -> list[str]:
    sentences = [c[0] for c in CASES]
    for paragraph, _ in _split_cases():
        sentences += split_sentences(paragraph)
    return sentences


@pytest.mark.parametrize("sentence", _tricky_sentences())
def test_token_properties_on_tricky_cases(sentence: str) -> None:
    check_tokens(sentence, tokenize(sentence))


def _article_paragraphs() -> list[str]:
    return [line for line in ARTICLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_token_properties_on_every_paragraph_of_the_bundled_article() -> None:
    paragraphs = _article_paragraphs()
    assert len(paragraphs) > 20
    words = 0
    for paragraph in paragraphs:
        sentences = split_sentences(paragraph)
        assert " ".join(sentences) == " ".join(paragraph.split())
        for sentence in sentences:
            tokens = tokenize(sentence)
            check_tokens(sentence, tokens)
            words += len(tokens)
    assert words > 1700


def test_bundled_article_tokenizes_fast() -> None:
    """About 1,760 words in well under 100 ms (best of three, the machine may be busy)."""
    sentences = [s for p in _article_paragraphs() for s in split_sentences(p)]
    best = float("inf")
    for _ in range(3):
        begin = time.perf_counter()
        for sentence in sentences:
            tokenize(sentence)
        best = min(best, time.perf_counter() - begin)
    assert best < 0.1


def test_z_b_is_one_token_spoken_as_a_phrase() -> None:
    sentence = "Er nannte z. B. Äpfel."
    tokens = tokenize(sentence)
    assert [sentence[t.start:t.end] for t in tokens] == ["Er", "nannte", "z. B.", "Äpfel"]
    assert tokens[2].spoken == "zum Beispiel"
    assert tokens[3].spoken == "Äpfel."


def test_spans_exclude_quotes_and_punctuation() -> None:
    sentence = "„Wir kommen“, sagte (der) Mann: „Sofort!“"
    tokens = tokenize(sentence)
    assert [sentence[t.start:t.end] for t in tokens] == ["Wir", "kommen", "sagte", "der", "Mann", "Sofort"]
    assert [t.spoken for t in tokens] == ["Wir", "kommen,", "sagte,", "der,", "Mann:", "Sofort!"]


def test_word_dots_stay_in_the_span() -> None:
    sentence = "Am 1. Mai sprach Dr. Kim mit Friedrich II. über den 3. Platz."
    spans = [sentence[t.start:t.end] for t in tokenize(sentence)]
    assert "1." in spans and "Dr." in spans and "II." in spans and "3." in spans
    assert spans[-1] == "Platz"


def test_multi_word_units() -> None:
    sentence = "Um 18:30 Uhr kostet es 3,50 € oder 5 % mehr."
    tokens = tokenize(sentence)
    spans = {sentence[t.start:t.end]: t.spoken for t in tokens}
    assert spans["18:30 Uhr"] == "achtzehn Uhr dreißig"
    assert spans["3,50 €"] == "drei Euro fünfzig"
    assert spans["5 %"] == "fünf Prozent"


def test_hyphenated_word_is_one_token() -> None:
    tokens = tokenize("Der Ukraine-Krieg dauert an.")
    assert [t.spoken for t in tokens] == ["Der", "Ukraine-Krieg", "dauert", "an."]


def test_sentence_final_abbreviation_keeps_its_period_in_spoken() -> None:
    assert tokenize("Es gab Äpfel, Birnen usw.")[-1].spoken == "und so weiter."
    assert tokenize("Er war Friedrich II.")[-1].spoken == "der Zweite."


def test_sentence_initial_capitalised_abbreviation() -> None:
    assert spoken_sentence("Z. B. so.") == "Zum Beispiel so."
    assert spoken_sentence("Vgl. Kapitel 3.") == "Vergleiche Kapitel drei."


def test_capital_initials_are_not_read_as_abbreviations() -> None:
    assert spoken_sentence("Er traf A. D. Müller.") == "Er traf A D Müller."


def test_empty_and_punctuation_only() -> None:
    assert tokenize("") == []
    assert tokenize(" – … ") == []
