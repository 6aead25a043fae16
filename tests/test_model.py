from app.model import RawArticle, RawSection, from_raw, slugify


def test_slugify_german():
    assert slugify("Kim Jong Uns politische Rhetorik") == "kim-jong-uns-politische-rhetorik"
    assert slugify("Größe & Übermaß") == "groesse-uebermass"
    assert slugify("!!!") == "abschnitt"


def test_title_section_first_and_ids_unique():
    raw = RawArticle("Titel", "Ein Vorspann.", [RawSection("Teil", 2, ["Satz eins."]),
                                                RawSection("Teil", 3, ["Satz zwei."])], "test")
    article = from_raw(raw, "t")
    assert [s.id for s in article.sections] == ["titel", "teil", "teil-2"]
    assert article.sections[0].level == 1 and article.sections[2].level == 3
    assert [s.index for s in article.sections] == [1, 2, 3]
    first = article.sections[0].sentences
    assert first[0].kind == "heading" and first[0].text == "Titel"
    assert first[1].text == "Ein Vorspann." and first[1].paragraph == 1


def test_sentence_ids_readable_and_stable():
    raw = RawArticle("T", "", [RawSection("Einleitung", 2, ["Eins. Zwei.", "Drei."])], "test")
    ids = [s.id for s in from_raw(raw).sections[1].sentences]
    assert ids == ["einleitung-h", "einleitung-1", "einleitung-2", "einleitung-3"]
    assert [s.paragraph for s in from_raw(raw).sections[1].sentences] == [0, 1, 1, 2]


def test_article_without_headings_is_one_section_named_after_the_title():
    raw = RawArticle("Titel", "Vorspann.", [RawSection("Titel", 2, ["Erster Absatz.", "Zweiter Absatz."])], "test")
    article = from_raw(raw)
    assert len(article.sections) == 1
    texts = [s.text for s in article.sections[0].sentences]
    assert texts == ["Titel", "Vorspann.", "Erster Absatz.", "Zweiter Absatz."]
    assert [s.paragraph for s in article.sections[0].sentences] == [0, 1, 2, 3]
