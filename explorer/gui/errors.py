"""The one place where errors become text for the user.

Services raise typed errors from `explorer.errors`; widgets never format
them themselves but call `user_message` or `show_error`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from explorer import errors

log = logging.getLogger(__name__)


def user_message(error: BaseException) -> str:
    """A sentence in the interface language that says what went wrong and what to do."""
    if isinstance(error, errors.EmptyFileError):
        return QCoreApplication.translate("Errors", "文件没有文字内容：%1").replace("%1", error.path)
    if isinstance(error, errors.FileTooLargeError):
        return QCoreApplication.translate("Errors", "文件太大：%1").replace("%1", error.path)
    if isinstance(error, errors.EncodingDetectionError):
        return QCoreApplication.translate("Errors", "无法识别文件编码：%1").replace("%1", error.path)
    if isinstance(error, errors.BinaryFileError):
        return QCoreApplication.translate("Errors", "这不是文本文件：%1").replace("%1", error.path)
    if isinstance(error, errors.BrokenPdfError):
        return QCoreApplication.translate("Errors", "PDF 文件损坏、加密或没有文字层：%1").replace("%1", error.path)
    if isinstance(error, errors.UnsupportedFormatError):
        return QCoreApplication.translate("Errors", "不支持的文件格式：%1").replace("%1", error.path)
    if isinstance(error, errors.InputFileError):
        return QCoreApplication.translate("Errors", "无法读取文件 %1：%2").replace("%1", error.path).replace("%2", error.reason)
    if isinstance(error, errors.ProjectOpenError):
        return QCoreApplication.translate("Errors", "无法打开项目 %1：%2").replace("%1", error.path).replace("%2", error.reason)
    if isinstance(error, errors.ProjectBusyError):
        return QCoreApplication.translate("Errors", "项目正被其他程序写入，请稍后再试。")
    if isinstance(error, errors.SchemaError):
        return QCoreApplication.translate("Errors", "项目由更新版本的 explorer 创建，无法打开。")
    if isinstance(error, errors.ProjectError):
        return QCoreApplication.translate("Errors", "项目出错：%1").replace("%1", error.message)
    if isinstance(error, errors.NotFoundError):
        return QCoreApplication.translate("Errors", "找不到：%1").replace("%1", str(error.what))
    if isinstance(error, errors.AmbiguousNameError):
        return QCoreApplication.translate("Errors", "“%1”对应多个实体：%2").replace("%1", error.name).replace("%2", "、".join(error.candidates))
    if isinstance(error, errors.PipelineError):
        return QCoreApplication.translate("Errors", "文本分析模型无法加载：%1").replace("%1", error.message)
    if isinstance(error, errors.ExportError):
        return QCoreApplication.translate("Errors", "导出失败：%1").replace("%1", error.message)
    if isinstance(error, errors.CancelledError):
        return QCoreApplication.translate("Errors", "已取消。")
    if isinstance(error, errors.ExplorerError):
        return error.message
    return QCoreApplication.translate("Errors", "意外错误：%1").replace("%1", f"{type(error).__name__}: {error}")


def file_error_text(error_type: str | None, path: str, reason: str | None) -> str:
    """User text for a failed file of an ingest report (which carries the error's
    class name and reason, not the exception)."""
    cls = getattr(errors, error_type or "", None)
    if isinstance(cls, type) and issubclass(cls, errors.InputFileError):
        return user_message(cls(path, reason or ""))
    return reason or ""


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """Tell the user without blocking; unexpected errors are also logged."""
    if not isinstance(error, errors.ExplorerError):
        log.error("unexpected error", exc_info=error)
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Errors", "出错了"), user_message(error), QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
