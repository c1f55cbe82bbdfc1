"""Word knowledge as data: every list a component reads is a file named in
pipeline.cfg, and no place name of one city or province is in nlp code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy

from explorer.errors import PipelineError
from explorer.nlp import CONFIG_PATH, lexicon

NLP_DIR = Path(lexicon.__file__).parent


def test_every_lexicon_block_names_a_data_file_and_every_file_is_named():
    config = spacy.util.load_config(CONFIG_PATH)
    named = {}
    for component in config["components"].values():
        named.update(component.get("lexicon", {}))
    assert named, "pipeline.cfg names no word lists"
    for concept, name in named.items():
        assert (lexicon.DATA_DIR / name).is_file(), (concept, name)
        assert lexicon.words(concept), concept


def test_configure_points_a_concept_at_another_file_and_rejects_missing_ones():
    before = lexicon.words("honor_levels")
    try:
        lexicon.configure({"honor_levels": "honor_markers.txt"})
        assert lexicon.words("honor_levels") == lexicon.words("honor_markers")
    finally:
        lexicon.configure({"honor_levels": "honor_levels.txt"})
    assert lexicon.words("honor_levels") == before
    with pytest.raises(PipelineError):
        lexicon.configure({"honor_levels": "no_such_list.txt"})


def test_words_are_longest_first_and_tables_read_tabs():
    heads = lexicon.words("place_heads")
    assert len(heads[0]) >= len(heads[-1])
    assert lexicon.table("zone_words")["高新区"] == "高新技术产业开发区"
    assert "高新区" in lexicon.words("zone_words")
    assert lexicon.ending("江苏省紫砂之乡", "honor_heads") == "之乡"


ENTITY_MODULES = ("__init__", "anaphora", "cleanup", "compounds", "lexicon", "orgs", "places", "programs", "resolve",
                  "scoring", "segment", "spans", "trims")


def test_no_place_name_of_one_city_or_province_in_the_entity_modules():
    for path in (NLP_DIR / f"{name}.py" for name in ENTITY_MODULES):
        text = path.read_text(encoding="utf-8")
        assert not re.search("聊城|山东", text), path.name
