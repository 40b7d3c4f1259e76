"""The PLOVER verb lexicon is built from the CAMEO dictionaries, and the committed file is what they give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts.build_plover_lexicon import DEFAULT_EVENTDATA, DEFAULT_OUT, build, parse_synsets, parse_verbs

DICTIONARY = """\
&MILITARY_
+TROOPS
+ARMED_FORCES

&CEASEFIRE
+TRUCE

####### VERB PATTERNS
--- REINFORCE [150] ---
REINFORCE
- * &MILITARY_ IN + [154]  # REINFORCE
- * POSITIONS [150]  # REINFORCE
--- BREAK [---] ---
BREAK
- * &CEASEFIRE [196]  # BREAK
"""
TABLE = {"15": ("MOBILIZE", ""), "154": ("MOBILIZE", "troops"), "19": ("ASSAULT", ""), "196": ("ASSAULT", "")}


def test_synsets_give_the_noun_that_heads_each_member() -> None:
    synsets = parse_synsets(DICTIONARY.splitlines())
    assert synsets == {"&MILITARY": ["troops", "forces"], "&CEASEFIRE": ["truce"]}


def test_a_synset_after_the_verb_stands_for_each_member(tmp_path: Path) -> None:
    path = tmp_path / "CAMEO.verbpatterns.test.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    verbs, hits = parse_verbs(path, TABLE)
    assert verbs[("reinforce", None)] == ("MOBILIZE", "", "150")
    objects = {(lemma, obj, via) for lemma, _prep, obj, _code, via in hits}
    assert {("reinforce", "troops", "synset"), ("reinforce", "forces", "synset")} <= objects
    assert ("reinforce", "positions", "") in objects and ("break", "truce", "synset") in objects


@pytest.mark.skipif(not DEFAULT_EVENTDATA.is_dir(), reason="the CAMEO dictionaries are not present")
def test_the_committed_lexicon_is_what_the_dictionaries_give() -> None:
    committed = [json.loads(line) for line in DEFAULT_OUT.read_text(encoding="utf-8").splitlines() if line]
    assert committed == build(DEFAULT_EVENTDATA)


ROOT_BLOCKS = """\
####### VERB PATTERNS
--- STEER_GUIDE [060] ---
STEER
GUIDE
PILOT
- * RELIEF TO + [073]  # PILOT
--- SHELTER ###
SHELTER
HARBOUR
--- BOMBARD [190] ---
BOMBARD
PELT
"""


def test_a_root_coded_block_codes_only_the_words_it_is_named_after(tmp_path: Path) -> None:
    path = tmp_path / "CAMEO.verbpatterns.test.txt"
    path.write_text(ROOT_BLOCKS, encoding="utf-8")
    table = {"06": ("COOPERATE", ""), "073": ("AID", "humanitarian"), "19": ("ASSAULT", "")}
    verbs, hits = parse_verbs(path, table)
    assert verbs[("steer", None)] == verbs[("guide", None)] == ("COOPERATE", "", "060")
    assert ("pilot", None) not in verbs  # a member by likeness only
    assert ("pilot", None, "relief", "073", "") in hits  # its own pattern stays
    # A block with no code is not coded by the block before it.
    assert ("shelter", None) not in verbs and ("harbour", None) not in verbs
    # A root of force codes every member.
    assert verbs[("pelt", None)] == ("ASSAULT", "", "190")
