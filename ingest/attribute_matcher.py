"""The attribute ruler's token patterns, matched by looking each distinct token up once.

spaCy's `AttributeRuler` (tag -> POS and morphology, and a few lemma exceptions, in the English pipelines)
finds its matches with a `Matcher` over ~180 patterns. The Matcher starts every pattern at every token and
calls Python for each `IN` and `REGEX` test: the largest piece of the parse that is rules rather than a model
(bench/PROFILE.md). Yet whether a token fits a token pattern depends only on a few of its attributes (tag,
lower-case form, dependency label...), and news text repeats the same few thousand combinations.
`CompiledMatcher` computes, once per distinct combination, which pattern tokens it fits, and then reads a Doc
off that table.

It stands in for the ruler's own Matcher (`compile_attribute_ruler`), so the ruler's sorting and setting of
attributes are spaCy's, unchanged. It gives the Matcher's matches only for patterns of the plain form:
consecutive token specs with no operators (`OP`), over the token attributes of `_ATTRIBUTES`, with values
or `IN` / `NOT_IN` / `REGEX`. A ruler with any other pattern keeps spaCy's Matcher. tests/unit/
test_attribute_matcher.py compares the two on every English text the tests hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

from spacy.attrs import IDS
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Token attributes `Doc.to_array` gives as the Matcher reads them: string hashes, ids and 0/1 flags.
_STRING_ATTRIBUTES = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA"})
_ATTRIBUTES = _STRING_ATTRIBUTES | frozenset({"POS", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT"})
_ALIASES = {"TEXT": "ORTH"}

# The table of distinct tokens grows with the vocabulary of what is parsed; past this many rows it starts
# over, so that a long ingest keeps it bounded. A row is its key (~250 bytes) and a shared answer: 300
# articles make ~4,700 rows, and the answers repeat (a few hundred distinct ones).
_MAX_ROWS = 100_000

_Test = Callable[[int], bool]
_Match = tuple[int, int, int]
_OTHER_OUTPUTS = ("as_spans", "with_alignments")
_Row = tuple[tuple[int, ...], tuple[int, ...], frozenset[int]]


class NotCompilable(ValueError):
    """A pattern outside the plain form this matcher reproduces exactly."""


def _test(kind: str, value: Any, vocab: Vocab) -> _Test:
    """One condition on one attribute value, as the Matcher tests it (spacy/matcher/matcher.pyx)."""
    if kind == "==":
        return lambda got: got == value
    if kind in ("IN", "NOT_IN"):
        values = frozenset(get_string_id(v) for v in value)
        if kind == "IN":
            return lambda got: got in values
        return lambda got: got not in values
    regex = re.compile(value)
    strings = vocab.strings
    return lambda got: bool(regex.search(strings[got]))


class CompiledMatcher:
    """A drop-in for an AttributeRuler's Matcher, `__call__(doc)` giving the same `(key, start, end)` matches
    in another order (the ruler sorts them). Anything else is passed to the Matcher it was built from."""

    def __init__(
        self, matcher: Matcher, vocab: Vocab, patterns: list[tuple[int, list[list[dict[str, Any]]]]]
    ) -> None:
        self.matcher = matcher
        self._vocab = vocab
        self._stale = False  # a pattern added later that this matcher cannot reproduce
        self._compile(patterns)

    def _compile(self, patterns: list[tuple[int, list[list[dict[str, Any]]]]]) -> None:
        """Build the tests and an empty table; nothing changes if a pattern is not of the plain form."""
        columns: dict[str, int] = {}
        specs: list[list[tuple[int, _Test]]] = []  # every token spec of every pattern: its (column, test)s
        compiled: list[tuple[int, tuple[int, ...]]] = []  # each pattern's key and token specs, in order
        for key, alternatives in patterns:
            for tokens in alternatives:
                first = len(specs)
                specs.extend(self._compile_spec(spec, columns) for spec in tokens)
                compiled.append((key, tuple(range(first, len(specs)))))
        self._source = patterns
        self._patterns = compiled
        self._attr_ids = [IDS[name] for name in columns]
        # A spec fits a token when none of its tests fails, and each test reads one attribute: so which specs
        # a token fits is the specs left once those failing on each of its attribute values are taken out,
        # and what fails on a value is worked out once per value (a tag, a word) rather than per token.
        self._column_tests: list[list[tuple[int, _Test]]] = [[] for _ in columns]
        for s, tests in enumerate(specs):
            for column, test in tests:
                self._column_tests[column].append((s, test))
        self._failing: list[dict[int, frozenset[int]]] = [{} for _ in columns]
        self._all_specs = frozenset(range(len(specs)))
        self._rows: dict[tuple[int, ...], _Row] = {}
        self._answers: dict[_Row, _Row] = {}
        # Single-token patterns are read straight off the table; longer ones are checked from their start.
        self._single = [(key, ids[0]) for key, ids in compiled if len(ids) == 1]
        self._longer = [p for p, (_, ids) in enumerate(compiled) if len(ids) > 1]

    def _compile_spec(self, spec: dict[str, Any], columns: dict[str, int]) -> list[tuple[int, _Test]]:
        if not isinstance(spec, dict):
            raise NotCompilable(f"token spec {spec!r} is not a dict")
        tests: list[tuple[int, _Test]] = []
        for raw_name, value in spec.items():
            name = _ALIASES.get(str(raw_name).upper(), str(raw_name).upper())
            if name not in _ATTRIBUTES:
                raise NotCompilable(f"attribute {raw_name!r} is not one this matcher reads")
            column = columns.setdefault(name, len(columns))
            if isinstance(value, dict):
                for kind, operand in value.items():
                    is_set = kind in ("IN", "NOT_IN") and isinstance(operand, list)
                    is_regex = kind == "REGEX" and isinstance(operand, str) and name in _STRING_ATTRIBUTES
                    if not (is_set or is_regex):
                        raise NotCompilable(f"{kind!r} on {raw_name!r} is not a test this matcher makes")
                    tests.append((column, _test(kind, operand, self._vocab)))
            elif isinstance(value, bool):
                tests.append((column, _test("==", int(value), self._vocab)))
            elif isinstance(value, int):
                tests.append((column, _test("==", value, self._vocab)))
            elif isinstance(value, str):
                tests.append((column, _test("==", self._vocab.strings.add(value), self._vocab)))
            else:
                raise NotCompilable(f"value {value!r} of {raw_name!r} is not a string, number or test")
        if not tests:
            raise NotCompilable("an empty token spec matches any token; not handled here")
        return tests

    def _row(self, row: tuple[int, ...]) -> _Row:
        """What a token with these attributes matches: single-token patterns, longer patterns it can start,
        and the token specs it fits."""
        failed: set[int] = set()
        for column, value in enumerate(row):
            failing = self._failing[column].get(value)
            if failing is None:
                failing = frozenset(s for s, test in self._column_tests[column] if not test(value))
                self._failing[column][value] = failing
            failed |= failing
        fits = self._all_specs - failed
        singles = tuple(key for key, spec in self._single if spec in fits)
        starts = tuple(p for p in self._longer if self._patterns[p][1][0] in fits)
        if len(self._rows) >= _MAX_ROWS:
            self._rows.clear()
            for failing_by_value in self._failing:
                failing_by_value.clear()
        answer = (singles, starts, fits)
        found = self._rows[row] = self._answers.setdefault(answer, answer)
        return found

    def __call__(self, doclike: Any, **options: Any) -> list[_Match]:
        # The ruler's call (a Doc, allow_missing, tuples) is the one reproduced; spaCy answers any other,
        # such as one that should fail on a Doc without tags.
        plain = options.get("allow_missing") and not any(options.get(o) for o in _OTHER_OUTPUTS)
        if self._stale or not plain or not isinstance(doclike, Doc):
            return self.matcher(doclike, **options)
        # `to_array` drops the second dimension when it is given one attribute.
        array = doclike.to_array(self._attr_ids).reshape(len(doclike), len(self._attr_ids))
        rows = [tuple(r) for r in cast(list[list[int]], array.tolist())]
        table = self._rows
        fits: list[frozenset[int]] = []
        found: set[_Match] = set()
        started: list[tuple[int, int]] = []
        for i, row in enumerate(rows):
            singles, starts, fit = table.get(row) or self._row(row)
            fits.append(fit)
            for key in singles:
                found.add((key, i, i + 1))
            for p in starts:
                started.append((p, i))
        for p, start in started:
            key, ids = self._patterns[p]
            end = start + len(ids)
            if end <= len(rows) and all(ids[k] in fits[start + k] for k in range(1, len(ids))):
                found.add((key, start, end))
        return list(found)

    # What the ruler asks of its Matcher besides matching: adding patterns, reading them back (its
    # `patterns`, serialisation), and a copy for a spawned process.
    def add(self, key: Any, patterns: list[list[dict[str, Any]]], **options: Any) -> None:
        self.matcher.add(key, patterns, **options)
        match_id = self._vocab.strings.add(key) if isinstance(key, str) else key
        try:
            self._compile([*self._source, (match_id, patterns)])
        except NotCompilable:
            self._stale = True
        # Callbacks and greedy filters are Matcher behaviour the table does not have.
        self._stale = self._stale or bool(options)

    def __reduce__(self) -> tuple[Any, ...]:
        return (CompiledMatcher, (self.matcher, self._vocab, self._source))

    def get(self, key: Any, default: Any = None) -> Any:
        return self.matcher.get(key, default)

    def __len__(self) -> int:
        return len(self.matcher)

    def __contains__(self, key: Any) -> bool:
        return key in self.matcher


def compile_attribute_ruler(ruler: AttributeRuler) -> bool:
    """Give `ruler` a CompiledMatcher when all its patterns are of the plain form; True if it got one."""
    if isinstance(ruler.matcher, CompiledMatcher):
        return True
    patterns = []
    for i in range(len(ruler.attrs)):
        key = ruler.vocab.strings.add(str(i))  # the ruler's own key for its i-th pattern
        _, alternatives = ruler.matcher.get(key)
        patterns.append((key, alternatives))
    try:
        ruler.matcher = CompiledMatcher(ruler.matcher, ruler.vocab, patterns)  # type: ignore[assignment]
    except NotCompilable:
        return False
    return True
