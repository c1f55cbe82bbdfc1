"""Ingest, path finder, split and entity picker dialogs."""

from __future__ import annotations

import threading

from gui_fakes import FakeBackend, FakeReport, FileOutcome
from PySide6.QtCore import Qt, QUrl

from explorer.gui.dialogs import EntityPickerDialog, PathFinderDialog, SplitDialog, render_paths_html
from explorer.gui.ingest_dialog import IngestDialog


def test_ingest_dialog_runs_and_lists_every_file(qtbot, tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("文字", encoding="utf-8")
    seen = {}

    def ingest(paths, options, state):
        seen["options"] = options
        return FakeBackend().ingest(paths, options, state)

    dialog = IngestDialog(ingest, [str(good), str(tmp_path / "missing.txt")])
    qtbot.addWidget(dialog)
    dialog.source.setText("聊城日报")
    dialog.use_date.setChecked(True)
    with qtbot.waitSignal(dialog.finished_ingest, timeout=15000) as done:
        dialog.start()
    report = done.args[0]
    assert [f.status for f in report.files] == ["added", "failed"]
    assert dialog.outcomes.rowCount() == 2
    assert dialog.outcomes.index(1, 3).data() == "no such file or folder"
    assert "1 个失败" in dialog.status.text()
    assert seen["options"].source == "聊城日报" and seen["options"].date is not None
    assert dialog.start_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_ingest_dialog_cancel_stops_the_worker(qtbot, tmp_path):
    started = threading.Event()
    release = threading.Event()

    def slow_ingest(paths, options, state):
        report = FakeReport()
        started.set()
        release.wait(5)
        if state.cancelled:
            report.cancelled = True
            return report
        report.files.append(FileOutcome(str(paths[0]), "added", 1))
        return report

    dialog = IngestDialog(slow_ingest, [str(tmp_path)])
    qtbot.addWidget(dialog)
    dialog.start()
    assert started.wait(5)
    assert dialog.cancel_button.isEnabled() and not dialog.close_button.isEnabled()
    dialog.cancel()
    with qtbot.waitSignal(dialog.finished_ingest, timeout=15000) as done:
        release.set()
    assert done.args[0].cancelled
    assert "已取消" in dialog.status.text()


def test_ingest_dialog_reports_a_crash_as_text(qtbot, tmp_path):
    from explorer.errors import PipelineError

    def broken(paths, options, state):
        raise PipelineError("missing lexicon")

    dialog = IngestDialog(broken, [str(tmp_path)])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_ingest, timeout=15000) as done:
        dialog.start()
    assert done.args[0] is None
    assert "missing lexicon" in dialog.status.text()


def test_path_finder_shows_hops_with_evidence(qtbot):
    backend = FakeBackend()
    dialog = PathFinderDialog(backend.search, backend.shortest_paths)
    qtbot.addWidget(dialog)
    for picker, text in ((dialog.source, "阳光"), (dialog.target, "绿源")):
        with qtbot.waitSignal(picker.resultsReady, timeout=15000):
            picker.field.setText(text)
    assert dialog.source.chosen.id == 1 and dialog.target.chosen.id == 4
    with qtbot.waitSignal(dialog.pathsShown, timeout=15000) as shown:
        dialog.find_button.click()
    assert shown.args == [1]
    text = dialog.result.toPlainText()
    assert "阳光食品公司" in text and "省级龙头企业" in text and "绿源农业" in text
    assert "绿源农业也获得省级龙头企业称号。" in text
    with qtbot.waitSignal(dialog.entityClicked) as clicked:
        dialog.result.anchorClicked.emit(QUrl("entity:3"))
    assert clicked.args == [3]
    assert "没有找到路径" in render_paths_html([])


def test_entity_picker_dialog_remembers_choice(qtbot):
    dialog = EntityPickerDialog(FakeBackend().search, "合并")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.picker.resultsReady, timeout=15000):
        dialog.picker.field.setText("茌平")
    assert dialog.chosen.name == "茌平区"


def test_split_dialog_returns_ticked_articles(qtbot):
    dialog = SplitDialog(FakeBackend().entity(1))
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    assert dialog.article_ids() == []
    dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.article_ids() == [100]


def test_ingest_dialog_shows_each_file_and_running_totals_while_it_runs(qtbot, tmp_path):
    """Each outcome handed to state.partial shows up before the ingest ends."""
    gate = [threading.Event() for _ in range(3)]
    outcomes = [
        FileOutcome("/p/a.txt", "added", 3),
        FileOutcome("/p/b.pdf", "failed", 0, "encrypted", "BrokenPdfError"),
        FileOutcome("/p/c.txt", "replaced", 2),
    ]

    def ingest(paths, options, state):
        report = FakeReport()
        for number, outcome in enumerate(outcomes):
            gate[number].wait(5)
            report.files.append(outcome)
            state.partial(outcome)
        return report

    dialog = IngestDialog(ingest, [str(tmp_path)])
    qtbot.addWidget(dialog)
    dialog.start()
    gate[0].set()
    qtbot.waitUntil(lambda: dialog.outcomes.rowCount() == 1, timeout=5000)
    assert dialog.table.isVisibleTo(dialog)
    assert "1 个文件" in dialog.totals.text() and "3 篇文章" in dialog.totals.text()
    gate[1].set()
    qtbot.waitUntil(lambda: dialog.outcomes.rowCount() == 2, timeout=5000)
    assert "1 个失败" in dialog.totals.text()
    assert "b.pdf" in dialog.outcomes.index(1, 3).data()  # the per-file error, in user words
    assert dialog.cancel_button.isEnabled()  # still running
    with qtbot.waitSignal(dialog.finished_ingest, timeout=15000):
        gate[2].set()
    assert dialog.outcomes.rowCount() == 3
    assert "5 篇文章" in dialog.totals.text()


def test_a_live_outcome_table_passes_modeltester(qtmodeltester):
    from explorer.gui.models import IngestOutcomeModel

    model = IngestOutcomeModel()
    qtmodeltester.check(model)
    model.append(FileOutcome("/a.txt", "added", 3))
    model.append(FileOutcome("/b.pdf", "failed", 0, "broken"))
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
