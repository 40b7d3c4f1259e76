"""The bench's comma-separated options: scales, the scales latency is measured at, client counts."""

from __future__ import annotations

import pytest
import typer

from bench.run import counts_option


def test_reads_counts_in_order_and_skips_empty_parts() -> None:
    assert counts_option("--scales", "1000, 10000,,100000") == [1000, 10000, 100000]
    assert counts_option("--clients", "") == []


@pytest.mark.parametrize(
    ("text", "problem"), [("1000,10k", "'10k' is not a whole number"), ("0", "0 is not a positive")]
)
def test_bad_count_names_the_option_and_the_value(text: str, problem: str) -> None:
    with pytest.raises(typer.BadParameter) as caught:
        counts_option("--scales", text)
    assert problem in str(caught.value)
    assert caught.value.param_hint == "--scales"
