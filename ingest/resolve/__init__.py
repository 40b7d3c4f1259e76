"""Mentions -> one node per real actor: within an article, then across a batch and what the graph knows.

names.py builds the comparison keys of names; article.py (with clusters.py and article_orgs.py) resolves one
article; corpus.py joins the articles of a batch and the known actors that blocking.py finds for them.
"""

from ingest.models import ArticleResolution
from ingest.resolve.article import resolve_article
from ingest.resolve.blocking import KnownActors, blocking_keys
from ingest.resolve.corpus import CorpusResolver, dedupe_relations, resolve_batch

__all__ = [
    "ArticleResolution",
    "CorpusResolver",
    "KnownActors",
    "blocking_keys",
    "dedupe_relations",
    "resolve_article",
    "resolve_batch",
]
