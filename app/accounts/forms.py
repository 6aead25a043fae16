"""WTForms forms of the account pages (Flask-WTF adds the CSRF token to each)."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    name = StringField("Benutzername", validators=[DataRequired("Bitte den Benutzernamen eingeben."),
                                                   Length(max=64)])
    password = PasswordField("Passwort", validators=[DataRequired("Bitte das Passwort eingeben."),
                                                     Length(max=1024)])


class ConfirmForm(FlaskForm):
    """A form with nothing but the CSRF token (logout, delete, rebuild confirmations)."""
