"""Interface language: Chinese source strings, an English translation.

Source strings are Chinese, so Chinese needs no translator of ours; English
loads `resources/i18n/explorer_en.qm` (made with pyside6-lupdate/lrelease,
see docs/gui.md). Qt's own texts (OK/Cancel, Yes/No, the file dialogs, the
context menus of text fields) come from Qt's `qtbase_zh_CN.qm`, shipped in
the PySide6 wheel, loaded for Chinese.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
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
        install_qt_translation(app, "zh_CN")
        return None
    translator = QTranslator(app)
    if not translator.load(str(translations_dir() / f"explorer_{language}.qm")):
        return None
    app.installTranslator(translator)
    _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English))
    return translator


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_qt_translation(app: QApplication, locale: str) -> QTranslator | None:
    """Qt's own strings (standard buttons, file dialogs) in `locale`; None when
    the wheel (or the frozen bundle) has no such file."""
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{locale}", qt_translations_dir()):
        return None
    app.installTranslator(translator)
    _installed.append(translator)
    return translator
