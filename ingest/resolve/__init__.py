"""Mentions -> one node per real actor: within an article, then across a batch and what the graph knows.

names.py builds the comparison keys of names; article.py (with clusters.py and article_orgs.py) resolves one
article; offices.py makes the Office entities facts name. corpus.py, the batch step, joins the articles of a
batch and the known actors that blocking.py finds for them; it runs after fact extraction and imports it, so
it is imported from its own module (`ingest.resolve.corpus`), never from this package's top.
"""

from ingest.models import ArticleResolution
from ingest.resolve.article import resolve_article

__all__ = ["ArticleResolution", "resolve_article"]
