"""The main window's pages around the graph: the home page, the documents
panel, the sample project kept apart, and articles opened in tabs.

A mixin like `gui.menus`, so `main_window.py` stays about navigation;
strings use the "MainWindow" translation context explicitly.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from explorer.core import EntityHit


class PagesMixin:
    """Needs MainWindow's home_page, pages, documents_panel, docks, search, tabs."""

    def _connect_pages(self) -> None:
        home = self.home_page
        home.entityClicked.connect(self.open_entity)
        home.typeClicked.connect(self.show_type)
        home.documentClicked.connect(self.show_document)
        home.documentsRequested.connect(self.show_documents)
        home.monthClicked.connect(self.show_month)
        home.areaClicked.connect(self.show_area)
        home.importRequested.connect(lambda: self.show_ingest())
        home.filesDropped.connect(self.show_ingest)
        home.sampleRequested.connect(self.open_sample_project)
        home.ownProjectRequested.connect(self.open_own_project)
        self.documents_panel.articleRequested.connect(self.open_article)
        self.documents_panel.changed.connect(self.after_documents_changed)

    # --- home ----------------------------------------------------------------------
    def show_home(self) -> None:
        """The overview of the project, in place of the graph."""
        self.current_id = None
        self.pages.setCurrentWidget(self.home_page)
        self.tabs.setCurrentIndex(0)
        self.refresh_home()

    def showing_home(self) -> bool:
        return self.pages.currentWidget() is self.home_page

    def refresh_home(self) -> None:
        if self.backend is None:
            return
        self._home_sequence = getattr(self, "_home_sequence", 0) + 1
        sequence = self._home_sequence

        def shown(summary):
            if sequence == self._home_sequence:
                self.home_page.show_summary(summary)
                self.homeShown.emit(summary)

        self._start(self.backend.summary, on_result=shown)

    def show_type(self, entity_type: str) -> None:
        """The most mentioned entities of a type, in the results list."""
        if self.backend is None:
            return
        label = self.search.type_filter.findData(entity_type)

        def shown(hits):
            self.search.show_hits(hits, QCoreApplication.translate("MainWindow", "%1：按提及次数").replace("%1", self.search.type_filter.itemText(label)))
            self.docks["search"].show()
            self.docks["search"].raise_()

        self._start(self.backend.ranked, entity_type, 50, on_result=shown)

    def show_area(self, area) -> None:
        """A county the project never names itself: its honoured organisations."""
        hits = [EntityHit(o.id, o.name, o.type, o.count) for o in area.top]
        self.search.show_hits(hits, area.name)
        self.docks["search"].show()

    # --- documents --------------------------------------------------------------------
    def show_documents(self) -> None:
        dock = self.docks["documents"]
        dock.show()
        dock.raise_()

    def show_document(self, document_id) -> None:
        self.show_documents()
        self.documents_panel.filter.clear()
        if not self.documents_panel.select(document_id):
            self.documents_panel.refresh(select=document_id)

    def show_month(self, month: str) -> None:
        self.show_documents()
        self.documents_panel.filter.setText(month)

    def after_documents_changed(self) -> None:
        """A document was removed or analysed again: every count may have moved."""
        self.refresh_stats()
        self.refresh_home()
        self.documents_panel.refresh()
        if self.current_id is not None:
            self.open_entity(self.current_id, record=False)
        if self.search.field.text().strip():
            self.search.search_now()

    # --- the sample, kept apart ---------------------------------------------------------------
    def open_sample_project(self) -> None:
        """Open (and on first use build, with progress on the home page) the sample project."""
        from explorer.gui.backend import Backend

        self.show_home()
        self.home_page.show_progress(0.0, QCoreApplication.translate("MainWindow", "正在准备示例项目…"))

        def progress(fraction, message):
            self.home_page.show_progress(fraction, QCoreApplication.translate("MainWindow", "正在导入示例页面：%1").replace("%1", message or "…"))

        self._start(Backend.open_sample, on_result=self.set_backend, on_progress=progress, with_state=True,
                    on_error=lambda _e: self.home_page.show_progress(None))

    def open_own_project(self) -> None:
        """Leave the sample for the user's own (default) project."""
        from explorer.gui.backend import Backend

        self.open_project(Backend.default_path(), create=True)

    def leave_sample_for_import(self) -> bool:
        """Imports never go into the sample: switch to the user's project first."""
        if self.backend is None or not getattr(self.backend, "is_sample", False):
            return True
        from explorer.gui.backend import Backend

        if not self.open_project(Backend.default_path(), create=True):
            return False
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "示例项目不接收导入：已切换到您自己的项目。"), 8000)
        return True

    # --- articles in tabs ---------------------------------------------------------------------
    def open_article_tab(self, record) -> None:
        from explorer.gui.article_reader import ArticleReader

        reader = ArticleReader(self.tabs)
        reader.entityClicked.connect(self.open_entity)
        reader.set_tab_mode()
        reader.show_article(record)
        title = record.headline or QCoreApplication.translate("MainWindow", "无标题文章")
        index = self.tabs.addTab(reader, title if len(title) <= 14 else title[:13] + "…")
        self.tabs.setTabToolTip(index, title)
        self.tabs.setCurrentIndex(index)

    def close_tab(self, index: int) -> None:
        if index > 0:  # the graph stays
            widget = self.tabs.widget(index)
            self.tabs.removeTab(index)
            widget.deleteLater()

    def widen_reader(self) -> None:
        """Give the reader most of the window's width (and back)."""
        dock = self.docks["article"]
        wide = dock.width() < self.width() * 0.45
        self.resizeDocks([dock], [int(self.width() * (0.6 if wide else 0.3))], Qt.Orientation.Horizontal)
