"""Sentence splitting for German text (app.text.split)."""
from __future__ import annotations

import re

import pytest

from app.text.split import fit, split_sentences

# (paragraph, expected display sentences)
CASES = [
    ('Er nannte z. B. Äpfel. Dann ging er.',
     ['Er nannte z. B. Äpfel.', 'Dann ging er.']),
    ('Das ist teuer, d. h. wir warten. Gut so.',
     ['Das ist teuer, d. h. wir warten.', 'Gut so.']),
    ('Sie sprach u. a. mit Putin. Danach reiste sie ab.',
     ['Sie sprach u. a. mit Putin.', 'Danach reiste sie ab.']),
    ('Äpfel, Birnen usw. Dann kam der Winter.',
     ['Äpfel, Birnen usw.', 'Dann kam der Winter.']),
    ('Äpfel, Birnen usw. sind gesund.',
     ['Äpfel, Birnen usw. sind gesund.']),
    ('Es gab Äpfel, Birnen usw.',
     ['Es gab Äpfel, Birnen usw.']),
    ('Es waren ca. 300 Menschen. Viele kamen spät.',
     ['Es waren ca. 300 Menschen.', 'Viele kamen spät.']),
    ('Dr. Müller und Prof. Schmidt kamen. Sie sprachen lange.',
     ['Dr. Müller und Prof. Schmidt kamen.', 'Sie sprachen lange.']),
    ('Er wohnt in der Goethestr. 5 in Berlin. Sie auch.',
     ['Er wohnt in der Goethestr. 5 in Berlin.', 'Sie auch.']),
    ('Haus Nr. 12 brannte ab. Niemand wurde verletzt.',
     ['Haus Nr. 12 brannte ab.', 'Niemand wurde verletzt.']),
    ('Die Kosten bzw. Ausgaben stiegen. Das war absehbar.',
     ['Die Kosten bzw. Ausgaben stiegen.', 'Das war absehbar.']),
    ('Oberst a. D. Meier sprach. Er war wütend.',
     ['Oberst a. D. Meier sprach.', 'Er war wütend.']),
    ('Sie ist Oberst a. D. Sie lebt in Bonn.',
     ['Sie ist Oberst a. D.', 'Sie lebt in Bonn.']),
    ('Das kostet 1,2 Mio. Euro. Die Stadt zahlt.',
     ['Das kostet 1,2 Mio. Euro.', 'Die Stadt zahlt.']),
    ('Der Schaden liegt bei 3 Mrd. Das ist viel.',
     ['Der Schaden liegt bei 3 Mrd.', 'Das ist viel.']),
    ('Im 19. Jh. wuchs die Stadt. Danach schrumpfte sie.',
     ['Im 19. Jh. wuchs die Stadt.', 'Danach schrumpfte sie.']),
    ('Am 1. Mai demonstrierten viele. Es war friedlich.',
     ['Am 1. Mai demonstrierten viele.', 'Es war friedlich.']),
    ('Im 19. Jahrhundert wuchs Berlin stark.',
     ['Im 19. Jahrhundert wuchs Berlin stark.']),
    ('Am 3. 10. 1990 kam die Einheit. Alle feierten.',
     ['Am 3. 10. 1990 kam die Einheit.', 'Alle feierten.']),
    ('Am 3.10.1990 kam die Einheit. Alle feierten.',
     ['Am 3.10.1990 kam die Einheit.', 'Alle feierten.']),
    ('Friedrich II. regierte Preußen. Er starb 1786.',
     ['Friedrich II. regierte Preußen.', 'Er starb 1786.']),
    ('Das war im Jahr II. Danach kam das Jahr III.',
     ['Das war im Jahr II.', 'Danach kam das Jahr III.']),
    ('„Wir kommen.“ Dann gingen sie los.',
     ['„Wir kommen.“', 'Dann gingen sie los.']),
    ('"Wir kommen." Dann gingen sie los.',
     ['"Wir kommen."', 'Dann gingen sie los.']),
    ('»Wir kommen.« Dann gingen sie los.',
     ['»Wir kommen.«', 'Dann gingen sie los.']),
    ('„Kommst du?“, fragte sie. Er nickte.',
     ['„Kommst du?“, fragte sie.', 'Er nickte.']),
    ('„Kommst du?“ fragte sie leise.',
     ['„Kommst du?“ fragte sie leise.']),
    ('Er zögerte … Dann ging er.',
     ['Er zögerte …', 'Dann ging er.']),
    ('Er zögerte … und ging dann.',
     ['Er zögerte … und ging dann.']),
    ('Er zögerte... Dann ging er.',
     ['Er zögerte...', 'Dann ging er.']),
    ('Wirklich? Ja! Natürlich.',
     ['Wirklich?', 'Ja!', 'Natürlich.']),
    ('Was?! Das glaube ich nicht.',
     ['Was?!', 'Das glaube ich nicht.']),
    ('Das war 1990. Danach änderte sich alles.',
     ['Das war 1990.', 'Danach änderte sich alles.']),
    ('Er wurde 3. Danach gab er auf.',
     ['Er wurde 3.', 'Danach gab er auf.']),
    ('Er belegte Platz 3. Medaillen gab es keine.',
     ['Er belegte Platz 3.', 'Medaillen gab es keine.']),
    ('Er belegte den 3. Platz. Sie wurde Erste.',
     ['Er belegte den 3. Platz.', 'Sie wurde Erste.']),
    ('Das geschah 500 v. Chr. Die Römer kamen später.',
     ['Das geschah 500 v. Chr.', 'Die Römer kamen später.']),
    ('Das geschah 500 v. Chr. in Rom.',
     ['Das geschah 500 v. Chr. in Rom.']),
    ('Siehe S. 12 und Art. 5 Abs. 2 GG. Das gilt.',
     ['Siehe S. 12 und Art. 5 Abs. 2 GG.', 'Das gilt.']),
    ('Das ist eine neue Art. Sie lebt im Wald.',
     ['Das ist eine neue Art.', 'Sie lebt im Wald.']),
    ('John F. Kennedy kam nach Berlin. Er sprach.',
     ['John F. Kennedy kam nach Berlin.', 'Er sprach.']),
    ('Es fehlte Vitamin C. Danach ging es besser.',
     ['Es fehlte Vitamin C.', 'Danach ging es besser.']),
    ('Der Umsatz stieg um 5 %. Der Gewinn fiel.',
     ['Der Umsatz stieg um 5 %.', 'Der Gewinn fiel.']),
    ('Er kam um 18:30 Uhr. Sie kam um 19 Uhr.',
     ['Er kam um 18:30 Uhr.', 'Sie kam um 19 Uhr.']),
    ('(Siehe oben.) Danach folgt der Rest.',
     ['(Siehe oben.)', 'Danach folgt der Rest.']),
    ('Sie sagte: „Ich komme morgen. Warte auf mich.“ Dann legte sie auf.',
     ['Sie sagte: „Ich komme morgen.', 'Warte auf mich.“', 'Dann legte sie auf.']),
    ('Ludwig XIV. und Friedrich II. trafen sich nie.',
     ['Ludwig XIV. und Friedrich II. trafen sich nie.']),
    ('Es sprach Papst Benedikt XVI. Er trat 2013 zurück.',
     ['Es sprach Papst Benedikt XVI.', 'Er trat 2013 zurück.']),
    ('Die Müller GmbH & Co. KG wächst. Sie stellt ein.',
     ['Die Müller GmbH & Co. KG wächst.', 'Sie stellt ein.']),
    ('Vom 1. bis 3. Mai war Messe. Viele kamen.',
     ['Vom 1. bis 3. Mai war Messe.', 'Viele kamen.']),
    ('Nordkorea u. Russland rücken zusammen. Der Westen warnt.',
     ['Nordkorea u. Russland rücken zusammen.', 'Der Westen warnt.']),
    ('Das Treffen fand im Dez. 2023 statt. Es war kalt.',
     ['Das Treffen fand im Dez. 2023 statt.', 'Es war kalt.']),
    ('Er kam am 5. Jan. Danach ging er.',
     ['Er kam am 5. Jan.', 'Danach ging er.']),
    ('Die Zahl stieg von 1.000 auf 1.760. Das ist viel.',
     ['Die Zahl stieg von 1.000 auf 1.760.', 'Das ist viel.']),
    ('Er sagte: „Das ist gut“. Dann ging er.',
     ['Er sagte: „Das ist gut“.', 'Dann ging er.']),
    ('Die Temperatur lag bei 25 °C. Es war heiß.',
     ['Die Temperatur lag bei 25 °C.', 'Es war heiß.']),
    ('Das steht in § 3 Abs. 1 BGB. Es gilt seit 1900.',
     ['Das steht in § 3 Abs. 1 BGB.', 'Es gilt seit 1900.']),
    ('Er fragte: „Wer?“ Niemand antwortete.',
     ['Er fragte: „Wer?“', 'Niemand antwortete.']),
    ('Es geschah im 3. Jh. v. Chr. Danach kam Rom.',
     ['Es geschah im 3. Jh. v. Chr.', 'Danach kam Rom.']),
    ('Das ist z.B. gut. Oder nicht?',
     ['Das ist z.B. gut.', 'Oder nicht?']),
    ('Es gab Bücher, Filme u. v. m.',
     ['Es gab Bücher, Filme u. v. m.']),
    ('Es gab Bücher, Filme u. v. m. Alle waren begeistert.',
     ['Es gab Bücher, Filme u. v. m.', 'Alle waren begeistert.']),
    ('Er lebte von 1900 bis 1990. Dann starb er.',
     ['Er lebte von 1900 bis 1990.', 'Dann starb er.']),
    ('Am 1. 1. 2000 begann ein neues Jahrtausend. Alle feierten.',
     ['Am 1. 1. 2000 begann ein neues Jahrtausend.', 'Alle feierten.']),
    ('Sie ist Nr. 1 der Welt. Er ist Nr. 2.',
     ['Sie ist Nr. 1 der Welt.', 'Er ist Nr. 2.']),
    ('Zum 2. Mal gewann er. Das freute ihn.',
     ['Zum 2. Mal gewann er.', 'Das freute ihn.']),
    ('Wir brauchen Zeit … Und Geld.',
     ['Wir brauchen Zeit …', 'Und Geld.']),
    ('Er rief: „Halt!“ Doch niemand hörte ihn.',
     ['Er rief: „Halt!“', 'Doch niemand hörte ihn.']),
    ('Der Preis (ca. 5 €) ist fair. Wir kaufen.',
     ['Der Preis (ca. 5 €) ist fair.', 'Wir kaufen.']),
    ('1. Einleitung',
     ['1. Einleitung']),
    ('Er sagte nichts. 2024 wird alles anders.',
     ['Er sagte nichts.', '2024 wird alles anders.']),
    ('Vgl. Kapitel 3. Dort steht mehr.',
     ['Vgl. Kapitel 3.', 'Dort steht mehr.']),
    ('Friedrich II., Kaiser von Rom, kam. Er blieb.',
     ['Friedrich II., Kaiser von Rom, kam.', 'Er blieb.']),
    ('Es gab Obst (Äpfel usw.), Birnen und mehr. Gut.',
     ['Es gab Obst (Äpfel usw.), Birnen und mehr.', 'Gut.']),
    ('Es gab Obst (Äpfel usw.) Danach kam mehr.',
     ['Es gab Obst (Äpfel usw.)', 'Danach kam mehr.']),
    ('Sie könnten führen. n-tv erwähnt das. Die Bhf. am Rand bleiben.',
     ['Sie könnten führen.', 'n-tv erwähnt das.', 'Die Bhf. am Rand bleiben.']),
]


@pytest.mark.parametrize(("paragraph", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_split_table(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("paragraph", [c[0] for c in CASES])
def test_join_gives_back_the_paragraph(paragraph: str) -> None:
    assert " ".join(split_sentences(paragraph)) == paragraph


def test_whitespace_is_normalised_and_nothing_lost() -> None:
    paragraph = "  Erster Satz.\n\nZweiter\tSatz!  Dritter\u00a0Satz?  "
    sentences = split_sentences(paragraph)
    assert sentences == ["Erster Satz.", "Zweiter Satz!", "Dritter Satz?"]
    assert " ".join(sentences) == re.sub(r"\s+", " ", paragraph).strip()


def test_empty_paragraph() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t ") == []


def test_5000_chars_without_punctuation_are_cut_into_fitting_pieces() -> None:
    words = ["Wort", "Nordkorea", "Zusammenarbeit", "und", "Russland", "im", "Krieg"]
    sentence = " ".join(words[i % len(words)] for i in range(700))[:5000].rstrip()
    assert len(sentence) > 4900
    pieces = split_sentences(sentence)
    assert len(pieces) > 1
    assert all(0 < len(p) <= 400 for p in pieces)
    assert " ".join(pieces) == sentence


def test_long_sentence_prefers_semicolon_then_comma() -> None:
    first = "Das ist ein recht langer Satzteil " * 4 + "mit Ende"
    second = "und dann, nach einem Komma, geht es " * 4 + "weiter"
    sentence = f"{first}; {second}."
    pieces = fit(sentence, max_chars=200)
    assert pieces[0] == first + ";"
    assert all(len(p) <= 200 for p in pieces)
    assert " ".join(pieces) == sentence


def test_long_sentence_cuts_at_comma_before_dash_and_space() -> None:
    sentence = ("Die Delegation reiste an " * 5 + "– mit Vorbehalt – "
                + "und sie sprach mit allen, " + "die sie treffen konnte " * 5 + "am Ende.")
    pieces = fit(sentence, max_chars=150)
    assert all(len(p) <= 150 for p in pieces)
    assert " ".join(pieces) == sentence
    assert any(p.endswith(",") or p.endswith("–") for p in pieces[:-1])


def test_long_sentence_never_cuts_inside_z_b() -> None:
    sentence = ("Wort " * 38) + "z. B. " + ("Wort " * 60).strip()
    pieces = fit(sentence, max_chars=200)
    assert " ".join(pieces) == sentence
    assert not any(p.endswith(" z.") for p in pieces)


def test_a_single_overlong_word_stays_whole() -> None:
    word = "x" * 500
    assert split_sentences(f"Vorher. {word} danach.", max_chars=100) == ["Vorher.", word, "danach."]


def test_bundled_article() -> None:
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "app" / "articles" / "nordkorea-russland.txt"
    sentences = [s for line in path.read_text(encoding="utf-8").splitlines()
                 for s in split_sentences(line)]
    assert any(s.startswith("n-tv erwähnt") for s in sentences)
    assert all(len(s) <= 400 for s in sentences)
    assert all(s[-1] in ".?!“" for s in sentences if len(s) > 100)  # long ones are body sentences
    assert len(sentences) == 102
