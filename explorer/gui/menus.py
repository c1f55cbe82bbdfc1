"""The main window's menus: projects, import, export, view, language.

A mixin so that `main_window.py` stays about navigation; strings use the
"MainWindow" translation context explicitly.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from explorer.gui import worker
from explorer.gui.backend import Backend
from explorer.gui.graph_data import view_with_evidence

RECENT_KEY = "projects/recent"
RECENT_LIMIT = 8
LANGUAGE_KEY = "ui/language"
PROJECT_SUFFIXES = (".db", ".sqlite", ".sqlite3")
PROJECT_FILTER = "explorer (*.explorer.db *.db);;* (*)"
EXPORT_FORMATS = (
    ("html", "HTML (*.html)"),
    ("graphml", "GraphML (*.graphml)"),
    ("gexf", "GEXF (*.gexf)"),
    ("json", "JSON (*.json)"),
    ("csv", "CSV (*.csv)"),
)


class MenuMixin:
    """Menus and project handling for `MainWindow` (needs its attributes)."""

    def _build_menus(self) -> None:
        bar = self.menuBar()
        project = bar.addMenu(QCoreApplication.translate("MainWindow", "项目(&P)"))
        self._add(project, QCoreApplication.translate("MainWindow", "新建项目…"), self.new_project, QKeySequence.StandardKey.New)
        self._add(project, QCoreApplication.translate("MainWindow", "打开项目…"), self.open_project_dialog, QKeySequence.StandardKey.Open)
        self._add(project, QCoreApplication.translate("MainWindow", "另存为…"), self.save_project_as, QKeySequence.StandardKey.SaveAs)
        self.recent_menu = project.addMenu(QCoreApplication.translate("MainWindow", "最近的项目"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._add(project, QCoreApplication.translate("MainWindow", "打开示例项目"), self.open_sample_project)
        project.addSeparator()
        self.ingest_action = self._add(project, QCoreApplication.translate("MainWindow", "导入文件…"), lambda: self.show_ingest(), "Ctrl+I")
        self.documents_action = self._add(project, QCoreApplication.translate("MainWindow", "文档…"), self.show_documents, "Ctrl+D")
        project.addSeparator()
        self._add(project, QCoreApplication.translate("MainWindow", "退出"), self.close, QKeySequence.StandardKey.Quit)

        edit = bar.addMenu(QCoreApplication.translate("MainWindow", "编辑(&E)"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)

        navigate = bar.addMenu(QCoreApplication.translate("MainWindow", "导航(&N)"))
        navigate.addAction(self.home_action)
        navigate.addAction(self.back_action)
        navigate.addAction(self.forward_action)
        self._add(navigate, QCoreApplication.translate("MainWindow", "查找路径…"), self.show_path_finder, "Ctrl+P")
        self._add(navigate, QCoreApplication.translate("MainWindow", "搜索"), self._focus_search, QKeySequence.StandardKey.Find)

        view = bar.addMenu(QCoreApplication.translate("MainWindow", "视图(&V)"))
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        self._add(view, QCoreApplication.translate("MainWindow", "适应窗口"), self.canvas.fit, "Ctrl+0")

        export = bar.addMenu(QCoreApplication.translate("MainWindow", "导出(&X)"))
        current = export.addMenu(QCoreApplication.translate("MainWindow", "当前视图"))
        whole = export.addMenu(QCoreApplication.translate("MainWindow", "整个图谱"))
        for fmt, _filter in EXPORT_FORMATS:
            self._add(current, fmt.upper(), lambda checked=False, f=fmt: self.export_graph(f, whole=False))
            self._add(whole, fmt.upper(), lambda checked=False, f=fmt: self.export_graph(f, whole=True))

        settings_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "设置(&S)"))
        language = settings_menu.addMenu(QCoreApplication.translate("MainWindow", "界面语言"))
        group = QActionGroup(self)
        current_language = self.settings.value(LANGUAGE_KEY, "zh")
        for code, label in (("zh", "中文"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == current_language)
            action.triggered.connect(lambda checked=False, c=code: self.set_language(c))
            group.addAction(action)
            language.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.ingest_action)

    def _add(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _focus_search(self) -> None:
        self.docks["search"].show()
        self.search.field.setFocus()
        self.search.field.selectAll()

    # --- projects ----------------------------------------------------------------
    def _update_title(self) -> None:
        name = self.backend.path.name if self.backend is not None and self.backend.path else QCoreApplication.translate("MainWindow", "未打开项目")
        self.setWindowTitle(f"{name} — explorer")

    def refresh_stats(self) -> None:
        if self.backend is None:
            return

        def show(stats):
            text = QCoreApplication.translate("MainWindow", "%1 篇文章 · %2 个实体 · %3 条关系")
            for marker, value in (("%1", stats.articles), ("%2", stats.entities), ("%3", stats.relations)):
                text = text.replace(marker, f"{value:,}")
            self.statusBar().showMessage(text)

        self._start(self.backend.stats, on_result=show)

    def recent_projects(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or []]

    def remember_recent(self, path) -> None:
        path = str(Path(path).resolve())
        recent = [p for p in self.recent_projects() if p != path]
        self.settings.setValue(RECENT_KEY, [path, *recent][:RECENT_LIMIT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_projects():
            self._add(self.recent_menu, path, lambda checked=False, p=path: self.open_project(p, create=False))
        if not self.recent_projects():
            self.recent_menu.addAction(QCoreApplication.translate("MainWindow", "（无）")).setEnabled(False)

    def open_project(self, path, create: bool = False) -> bool:
        try:
            backend = Backend.open(path, create=create)
        except Exception as error:  # noqa: BLE001 - shown to the user
            self.report_error(error)
            return False
        self.set_backend(backend)
        return True

    def open_file(self, path) -> None:
        """A file handed over by the desktop: a project is opened, a page
        (.txt .pdf .html) is imported into the current project at once."""
        if str(path).lower().endswith(PROJECT_SUFFIXES):
            self.open_project(path, create=False)
        else:
            self.show_ingest([str(path)], start=True)

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("MainWindow", "新建项目"), "project.explorer.db", PROJECT_FILTER)
        if path:
            self.open_project(path, create=True)

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, QCoreApplication.translate("MainWindow", "打开项目"), "", PROJECT_FILTER)
        if path:
            self.open_project(path, create=False)

    def save_project_as(self) -> None:
        if self.backend is None or self.backend.path is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("MainWindow", "项目另存为"), self.backend.path.name, PROJECT_FILTER)
        if path:
            self.copy_project_to(Path(path))

    def copy_project_to(self, target: Path) -> bool:
        """Close, copy the database file, open the copy (the project is one file)."""
        source = self.backend.path
        worker.wait_all()
        self.backend.close()
        try:
            shutil.copy2(source, target)
        except OSError as error:
            QMessageBox.warning(self, QCoreApplication.translate("MainWindow", "另存为失败"), str(error))
            self.open_project(source)
            return False
        return self.open_project(target)

    # --- ingest, export, paths ------------------------------------------------------
    def show_ingest(self, paths=(), start: bool = False) -> None:
        """The import dialog with `paths` listed (and started when `start`).
        Never into the sample project: the user's own project is opened first."""
        from explorer.gui.ingest_dialog import IngestDialog

        if self.backend is None or not self.leave_sample_for_import():
            return
        dialog = IngestDialog(self.backend.ingest, paths, self)
        dialog.finished_ingest.connect(lambda report: self.after_documents_changed())
        self.ingest_dialog = dialog
        dialog.open()
        if start and paths:
            dialog.start()

    def show_path_finder(self) -> None:
        from explorer.gui.dialogs import PathFinderDialog

        if self.backend is None:
            return
        dialog = PathFinderDialog(self.backend.search, self.backend.shortest_paths, self)
        dialog.entityClicked.connect(self.open_entity)
        dialog.articleClicked.connect(self.open_article)
        self.path_dialog = dialog
        dialog.show()

    def export_graph(self, fmt: str, whole: bool, path: str | None = None) -> None:
        if self.backend is None:
            return
        if not whole and self.current_id is None:
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "请先打开一个实体。"), 5000)
            return
        if path is None:
            filters = dict(EXPORT_FORMATS)
            path, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("MainWindow", "导出"), f"graph.{fmt}", filters[fmt])
            if not path:
                return
        def done(paths):
            shown = ", ".join(str(p) for p in paths)
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "已导出：%1").replace("%1", shown), 8000)

        if whole:
            self._start(self.backend.export, fmt, Path(path), on_result=done)
        else:
            view = self.canvas.current_view()
            center = self.canvas.nodes.get(self.canvas.center)
            title = f"explorer · {center.name}" if center is not None else "explorer"
            backend, anchor = self.backend, self.canvas.center
            hops, limit, facts = self.canvas.hops.value(), self.canvas.limit.value(), dict(self.canvas.facts)

            def export_current():  # on the worker: the canvas was drawn without evidence
                full = view_with_evidence(backend, view, anchor, hops, limit, facts)
                return backend.export_view(full, fmt, Path(path), title=title)

            self._start(export_current, on_result=done)

    def set_language(self, code: str) -> None:
        """Remember the choice; whoever owns the window (explorer.app) rebuilds it in
        that language right away. Without an owner it applies at the next start."""
        self.settings.setValue(LANGUAGE_KEY, code)
        if self.receivers("2languageSwitched(QString)") > 0 and self._can_rebuild():
            self.languageSwitched.emit(code)
            return
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "界面语言将在重新启动后生效。") + " / Restart to apply.", 8000)

    def _can_rebuild(self) -> bool:
        ingest = getattr(self, "ingest_dialog", None)
        return ingest is None or ingest._worker is None  # never drop a running import

    def hand_over_to(self, other) -> None:
        """Give the open project, the path walked and the current entity to `other`
        (the same window rebuilt in another language); this window is closed."""
        backend, history, current = self.backend, self.history, self.current_id
        view = self.view_state()
        self.backend = None  # closing must not close the project
        self.close()
        if backend is None:
            return
        other.set_backend(backend)
        other.restore_view_state(view)
        other.history = history
        other.breadcrumb.show_history(history)
        other._update_navigation()
        if current is not None:
            other.open_entity(current, record=False)

    def view_state(self) -> dict:
        """What the user set up and a rebuilt window keeps: the search, the canvas's
        depth, limit, hidden types and co-mention layer."""
        return {
            "text": self.search.field.text(),
            "type": self.search.type_filter.currentIndex(),
            "hops": self.canvas.hops.value(),
            "limit": self.canvas.limit.value(),
            "hidden": set(self.canvas.hidden_types),
            "comentions": self.canvas.comentions_on(),
            "documents": self.docks["documents"].isVisible(),
        }

    def restore_view_state(self, view: dict) -> None:
        canvas = self.canvas
        for widget, value in ((canvas.hops, view["hops"]), (canvas.limit, view["limit"])):
            widget.blockSignals(True)  # the entity is opened once, afterwards
            widget.setValue(value)
            widget.blockSignals(False)
        for entity_type in view["hidden"]:
            canvas.set_type_visible(entity_type, False)
        canvas.comention_button.blockSignals(True)
        canvas.comention_button.setChecked(view["comentions"])
        canvas.comention_button.blockSignals(False)
        self.search.type_filter.setCurrentIndex(view["type"])
        if view["text"]:
            self.search.field.setText(view["text"])
            self.search.search_now()
        if view["documents"]:
            self.show_documents()

