"""Fixtures of the unit tests: the spaCy model as shipped, loaded once, as the settings name it."""

from __future__ import annotations

import pytest
from spacy.language import Language

from ingest.nlp import load_base_model
from polgraph.settings import Settings


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_base_model(Settings().spacy_model)
