"""The editors' forms (Flask-WTF: every one carries a CSRF token)."""
from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional

ENGINE_CHOICES = [SelectChoice("espeak", "eSpeak NG (offline, schnell)"),
                  SelectChoice("gtts", "Google-Stimme (natürlich, braucht Internet)"),
                  SelectChoice("auto", "Automatisch (Google, sonst eSpeak)")]
TEXT_FORMATS = [SelectChoice("text", "Reiner Text"), SelectChoice("markdown", "Markdown"), SelectChoice("html", "HTML")]


class AddForm(FlaskForm):
    url = StringField("Adresse (URL) eines Artikels",
                      validators=[Optional(), Length(max=2000, message="Die Adresse ist zu lang "
                                                                       "(höchstens 2000 Zeichen).")])
    file = FileField("Datei (.txt, .md oder .html)")
    article_text = TextAreaField("Text einfügen", validators=[Optional(), Length(max=900_000)])
    text_format = SelectField("Format des eingefügten Texts", choices=TEXT_FORMATS, default="text")
    title = StringField("Titel (optional)", validators=[Optional(), Length(max=300)])
    engine = SelectField("Stimme", choices=ENGINE_CHOICES, default="espeak")


class RebuildForm(FlaskForm):
    engine = SelectField("Stimme", choices=ENGINE_CHOICES, default="espeak")


class EntryForm(FlaskForm):
    original = HiddenField()
    graphemes = StringField("Schreibweise(n), durch Komma getrennt", validators=[Length(max=600)])
    phoneme = StringField("Lautschrift (eSpeak, optional)", validators=[Optional(), Length(max=200)])
    alias = StringField("Ersatzschreibung (optional)", validators=[Optional(), Length(max=200)])


class RemoveEntryForm(FlaskForm):
    original = HiddenField()
