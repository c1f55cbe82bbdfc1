"""Ingest files or a folder from the GUI.

The work is `services.ingest.run(..., state)` on a worker thread; this
dialog only collects options, shows progress, cancels through the
TaskState and lists what happened to every file. Each file's outcome
arrives as soon as that file is done (`state.partial`, relayed by the
worker's `partial` signal), so running totals and errors show up live.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from explorer import settings
from explorer.core.eta import TimeLeft
from explorer.gui import worker
from explorer.gui.errors import user_message
from explorer.gui.models import IngestOutcomeModel


class IngestDialog(QDialog):
    finished_ingest = Signal(object)  # the IngestReport, or None after an error

    def __init__(self, ingest_fn, paths=(), parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入文件"))
        self.ingest_fn = ingest_fn
        self.report = None
        self._worker = None
        self._time_left = TimeLeft()
        self.files = QListWidget(self)
        add_files = QPushButton(self.tr("添加文件…"), self)
        add_files.clicked.connect(self._choose_files)
        add_folder = QPushButton(self.tr("添加文件夹…"), self)
        add_folder.clicked.connect(self._choose_folder)
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(self.tr("例如：南通日报"))
        self.home_city = QLineEdit(self)
        self.home_city.setPlaceholderText(self.tr("留空则从报名、电头或文件名推断"))
        self.use_date = QCheckBox(self.tr("指定日期"), self)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setEnabled(False)
        self.use_date.toggled.connect(self.date.setEnabled)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.status = QLabel(self)
        self.totals = QLabel(self)
        self._done_files: list = []
        self.outcomes = IngestOutcomeModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.outcomes)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.files.setMaximumHeight(110)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setVisible(False)
        self.start_button = QPushButton(self.tr("开始导入"), self)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.clicked.connect(self.accept)

        adders = QHBoxLayout()
        adders.addWidget(add_files)
        adders.addWidget(add_folder)
        adders.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("来源"), self.source)
        form.addRow(self.tr("所在城市"), self.home_city)
        date_row = QHBoxLayout()
        date_row.addWidget(self.use_date)
        date_row.addWidget(self.date)
        form.addRow(self.tr("日期"), date_row)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in (self.start_button, self.cancel_button, self.close_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("要导入的文件（也可以拖放到主窗口）："), self))
        layout.addWidget(self.files)
        layout.addLayout(adders)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.totals)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.add_paths(paths)
        self._set_running(False)
        self.resize(640, 520)

    # --- inputs -----------------------------------------------------------
    def add_paths(self, paths) -> None:
        present = {self.files.item(i).text() for i in range(self.files.count())}
        for path in paths:
            if str(path) not in present:
                self.files.addItem(str(path))
        self.start_button.setEnabled(self.files.count() > 0 and self._worker is None)

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def options(self) -> settings.IngestOptions:
        return settings.IngestOptions(
            source=self.source.text().strip() or None,
            home_city=self.home_city.text().strip() or None,
            date=self.date.date().toString("yyyy-MM-dd") if self.use_date.isChecked() else None,
        )

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("选择文件"), "", self.tr("文本、PDF、网页与扫描页 (*.txt *.pdf *.html *.htm *.png *.jpg *.jpeg *.tif *.tiff);;所有文件 (*)"))
        self.add_paths(names)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择文件夹"))
        if folder:
            self.add_paths([folder])

    # --- running -------------------------------------------------------------
    def start(self) -> None:
        if self._worker is not None or not self.paths():
            return
        self.report = None
        self._done_files = []
        self.outcomes.set_items([])
        self.table.setVisible(False)
        self.totals.setText("")
        self.progress.setValue(0)
        self._time_left = TimeLeft()
        self.status.setText(self.tr("正在准备…"))
        self._worker = worker.start(
            self.ingest_fn,
            self.paths(),
            self.options(),
            with_state=True,
            on_result=self._done,
            on_error=self._error,
            on_progress=self._progress,
            on_partial=self._file_done,
        )
        self._set_running(True)

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.status.setText(self.tr("正在取消…（当前文件处理完后停止）"))
        else:
            self.reject()

    def _progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        if message:
            text = self.tr("正在处理：%1").replace("%1", message)
            left = self._time_left.seconds(fraction)  # scans take minutes: say how long (core/eta.py)
            if left is not None and fraction < 1.0:
                text += " · " + self._left_text(left)
            self.status.setText(text)

    def _left_text(self, seconds: float) -> str:
        if seconds < 60:
            return self.tr("剩余不到 1 分钟")
        return self.tr("剩余约 %1 分钟").replace("%1", str(round(seconds / 60)))

    def _file_done(self, outcome) -> None:
        """One file finished: add its row and update the running totals."""
        if self._worker is None:
            return  # a late signal after the report
        self._done_files.append(outcome)
        self.outcomes.append(outcome)
        self.table.setVisible(True)
        self.table.scrollToBottom()
        self.totals.setText(self._totals_text(self._done_files))

    def _totals_text(self, outcomes) -> str:
        stored = sum(int(o.articles or 0) for o in outcomes if o.status in ("added", "replaced"))
        failed = sum(o.status == "failed" for o in outcomes)
        text = self.tr("已处理 %1 个文件 · 已存入 %2 篇文章 · %3 个失败")
        return text.replace("%1", str(len(outcomes))).replace("%2", str(stored)).replace("%3", str(failed))

    def _done(self, report) -> None:
        self._worker = None
        self.report = report
        self._set_running(False)
        self.progress.setValue(1000)
        totals = report.totals() if hasattr(report, "totals") else {}
        text = self.tr("%1 个文件，新增或更新 %2 篇文章，%3 个失败").replace("%1", str(len(report.files)))
        text = text.replace("%2", str(report.articles)).replace("%3", str(len(report.failed)))
        if report.cancelled or totals.get("cancelled"):
            text = self.tr("已取消。") + " " + text
        self.status.setText(text)
        self.totals.setText(self._totals_text(report.files))
        self.outcomes.set_items(report.files)
        self.table.setVisible(bool(report.files))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 320))
        self.finished_ingest.emit(report)

    def _error(self, error) -> None:
        self._worker = None
        self._set_running(False)
        self.status.setText(user_message(error))
        self.finished_ingest.emit(None)

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running and self.files.count() > 0)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)

    def reject(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            return  # closes once the current file is done and the report arrives
        super().reject()
