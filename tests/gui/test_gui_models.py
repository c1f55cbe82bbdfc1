from explorer.core import EntityHit
from explorer.gui.models import EntityIdRole, IngestOutcomeModel, MentionsRole, SearchResultsModel

from gui_fakes import FileOutcome


def test_search_results_model_passes_modeltester(qtmodeltester):
    model = SearchResultsModel()
    model.set_items([EntityHit(1, "阳光食品公司", "ORG", 3), EntityHit(2, "茌平区", "PLACE", 1, matched="cpq")])
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0).data() == "阳光食品公司"
    assert model.index(1).data() == "茌平区  (cpq)"
    assert model.index(0).data(MentionsRole) == 3
    assert model.index(1).data(EntityIdRole) == 2
    assert model.index(0).data(1) is not None  # decoration: a type icon


def test_search_results_model_reset_to_empty(qtmodeltester):
    model = SearchResultsModel()
    model.set_items([EntityHit(1, "甲", "ORG", 1)])
    model.set_items([])
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_ingest_outcome_model_passes_modeltester(qtmodeltester):
    model = IngestOutcomeModel()
    model.set_items([FileOutcome("/a.txt", "added", 3), FileOutcome("/b.pdf", "failed", 0, "broken")])
    qtmodeltester.check(model)
    assert model.columnCount() == 4
    assert model.index(1, 1).data() == "失败"
    assert model.index(1, 3).data() == "broken"
    assert model.index(0, 2).data() == 3
