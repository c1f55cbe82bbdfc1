"""Interface language: Chinese source strings, an English translation.

Source strings are Chinese, so Chinese needs no translator; English loads
`resources/i18n/explorer_en.qm` (made with pyside6-lupdate/lrelease, see
docs/gui.md).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from explorer.settings import resources_dir

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"


def translations_dir():
    return resources_dir() / "i18n"


def chosen_language(settings: QSettings) -> str:
    value = str(settings.value("ui/language", DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


_installed: list[QTranslator] = []


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Install the translator for `language` (replacing one installed before);
    None for the Chinese source text."""
    while _installed:
        app.removeTranslator(_installed.pop())
    if language == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        return None
    translator = QTranslator(app)
    if not translator.load(str(translations_dir() / f"explorer_{language}.qm")):
        return None
    app.installTranslator(translator)
    _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English))
    return translator
