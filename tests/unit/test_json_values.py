"""Rows of a saved query as JSON values: what the driver hands over, converted without a server."""

from __future__ import annotations

import json
from collections import OrderedDict
from datetime import date

import pytest
from neo4j.time import Date, DateTime

from queries.runner import json_row, to_json


def test_plain_values_pass_through_unchanged() -> None:
    for value in ("text", 3, 2.5, True, False, None):
        assert to_json(value) is value


def test_temporal_values_become_iso_strings_at_any_depth() -> None:
    row = json_row(
        ["published", "evidence", "span"],
        [
            Date(2010, 4, 7),
            [{"published": Date(2005, 7, 10), "sources": 2}, {"published": None}],
            {"from": DateTime(2010, 4, 7, 12, 30, 0), "to": date(2010, 4, 8)},
        ],
    )
    assert row == {
        "published": "2010-04-07",
        "evidence": [{"published": "2005-07-10", "sources": 2}, {"published": None}],
        "span": {"from": "2010-04-07T12:30:00.000000000", "to": "2010-04-08"},
    }
    json.dumps(row)  # nothing left that JSON cannot hold


def test_other_containers_and_keys_are_normalised() -> None:
    assert to_json((1, Date(2020, 1, 2))) == [1, "2020-01-02"]
    assert to_json(OrderedDict([(1, "a"), ("b", [Date(2020, 1, 2)])])) == {"1": "a", "b": ["2020-01-02"]}
    assert to_json({2: None}) == {"2": None}


def test_a_row_keeps_the_column_order_and_refuses_a_short_record() -> None:
    assert list(json_row(["b", "a"], [1, 2])) == ["b", "a"]
    with pytest.raises(ValueError):
        json_row(["a", "b"], [1])
