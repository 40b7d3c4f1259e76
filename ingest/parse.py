"""spaCy in worker processes: the ingest process extracts and writes one batch while the next is parsed.

spaCy's own `nlp.pipe(n_process=N)` was not used for this. Its workers hand each parsed batch back through
a pipe whose `send` blocks until the ingest process reads it, so a worker stands idle for as long as the
ingest process spends extracting and writing the batch before. Here each worker puts every parsed Doc on a
`multiprocessing.Queue`, whose feeder thread does the blocking write, and keeps parsing; the ingest
process keeps every worker's inbox topped up, a bounded number of texts ahead.

Texts go to the workers in turn (text i to worker i mod N) and the Docs are read back in the same turn, so
they come out in input order. A worker that fails or dies raises `ParseError` here; one that is no longer
wanted (the caller stopped reading) is terminated rather than left parsing into a queue nobody reads.

A Doc travels as spaCy's own token arrays (`Doc.to_array` / `Doc.from_array` over the attributes DocBin keeps)
with the words and the strings its hashes stand for: several times quicker to make and to read back than
`Doc.to_bytes` or DocBin, and the worker's side of that is on the critical path. The tensor, user data,
categories and span groups are left behind: nothing downstream of the parse reads them.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

import numpy as np
from spacy.attrs import DEP, ENT_ID, ENT_KB_ID, ENT_TYPE, LEMMA, MORPH, NORM, ORTH, SPACY, TAG, intify_attr
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens.doc import DOCBIN_ALL_ATTRS
from spacy.vocab import Vocab

T = TypeVar("T")

# How long to wait on a worker's queue before checking that it is still alive.
_POLL_SECONDS = 1.0


class ParseError(RuntimeError):
    """A spaCy worker process failed or died."""


@dataclass(frozen=True)
class _Failed:
    problem: str


# What DocBin keeps of a token, less the word and its trailing space, which travel as they are.
_ATTRS = [a for a in sorted(intify_attr(a) for a in DOCBIN_ALL_ATTRS) if a not in (ORTH, SPACY)]
# Columns that hold string hashes: the receiving vocab may not know their strings yet.
_STRING_COLUMNS = [_ATTRS.index(a) for a in (TAG, LEMMA, NORM, MORPH, DEP, ENT_TYPE, ENT_KB_ID, ENT_ID)]

_Packed = tuple[list[str], Any, Any, list[str]]


def pack(doc: Doc) -> _Packed:
    """A parsed Doc as plain data: words, spaces, token attribute arrays and the strings they refer to."""
    array = doc.to_array(_ATTRS)
    strings = doc.vocab.strings
    used = [strings[int(h)] for h in np.unique(array[:, _STRING_COLUMNS]) if h]
    return [t.text for t in doc], doc.to_array(SPACY).astype(bool), array, used


def unpack(packed: _Packed, vocab: Vocab) -> Doc:
    words, spaces, array, used = packed
    for string in used:
        vocab.strings.add(string)
    return Doc(vocab, words=words, spaces=list(spaces)).from_array(_ATTRS, array)


# The rule-based end of the English pipelines: the attribute ruler (tag -> POS, morphology and a few lemmas)
# and the lemmatizer. What may follow them reads neither of their outputs: NER's features are the word's
# norm, prefix, suffix and shape, and the gazetteer ruler matches words as written. So they give the same
# Doc when run after NER, here in the ingest process. With one worker that process spends much of its time
# waiting for the worker, whose CPU is then the ingest's critical path (bench/PROFILE.md); with more
# workers the ingest process is the busiest one, so they stay in the workers.
_TAIL = ("attribute_ruler", "lemmatizer")
_READ_NEITHER = frozenset({"entity_ruler", "ner"})


def tail_components(nlp: Language) -> list[str]:
    """The components of `_TAIL` that can be run last, in pipeline order; none when the pipeline lacks one
    of them or has after them a component that might read what they set."""
    names = nlp.pipe_names
    if not all(name in names for name in _TAIL):
        return []
    first = min(names.index(name) for name in _TAIL)
    if not {name for name in names[first:] if name not in _TAIL} <= _READ_NEITHER:
        return []
    return [name for name in names if name in _TAIL]


def _leave_when_orphaned(parent: int) -> None:
    """Exit once the ingest process is gone (killed). Nobody will read what this worker parses, and it
    would otherwise wait for ever: its inbox never reports end-of-file, for this process holds the inbox's
    writing end too, and a full outbox blocks the queue's feeder thread at exit."""
    while os.getppid() == parent:
        time.sleep(_POLL_SECONDS)
    os._exit(1)


def _work(nlp: Language, inbox: Any, outbox: Any, batch_size: int, parent: int, skip: list[str]) -> None:
    """Worker: parse texts from `inbox` until its `None`, without the components in `skip`, putting each
    Doc, packed, on `outbox`."""
    threading.Thread(target=_leave_when_orphaned, args=(parent,), daemon=True).start()
    try:
        for doc in nlp.pipe(iter(inbox.get, None), batch_size=batch_size, disable=skip):
            outbox.put(pack(doc))
    except BaseException as exc:  # the parent must hear of any failure, or it would wait forever
        outbox.put(_Failed(f"{type(exc).__name__}: {exc}"))
    outbox.close()
    outbox.join_thread()


def parse_in_workers(
    nlp: Language,
    items: Iterable[T],
    text_of: Callable[[T], str],
    processes: int,
    batch_size: int,
) -> Iterator[tuple[T, Doc]]:
    """(item, Doc) for every item, in order, parsed by `processes` worker processes.

    The items stay in this process; only their texts travel. At most `2 * batch_size` texts per worker are
    in flight: enough that a worker always has its next batch, bounded so a long stream does not pile up.
    With one worker, the pipeline's rule-based tail (`tail_components`) runs here on each Doc it returns.
    """
    if processes < 1:
        raise ValueError(f"parse_in_workers needs at least one process, got {processes}")
    here = tail_components(nlp) if processes == 1 else []
    finish = [nlp.get_pipe(name) for name in here]
    ctx = mp.get_context()
    inboxes = [ctx.Queue() for _ in range(processes)]
    outboxes = [ctx.Queue() for _ in range(processes)]
    workers: list[BaseProcess] = [
        ctx.Process(
            target=_work,
            args=(nlp, inboxes[i], outboxes[i], batch_size, os.getpid(), here),
            name=f"polgraph-parse-{i}",
            daemon=True,
        )
        for i in range(processes)
    ]
    for worker in workers:
        worker.start()

    window = 2 * batch_size * processes
    waiting: deque[T] = deque()
    source = iter(items)
    sent = received = 0
    exhausted = False
    finished = False

    def top_up() -> None:
        nonlocal sent, exhausted
        while not exhausted and len(waiting) < window:
            try:
                item = next(source)
            except StopIteration:
                exhausted = True
                for inbox in inboxes:
                    inbox.put(None)
                return
            inboxes[sent % processes].put(text_of(item))
            waiting.append(item)
            sent += 1

    try:
        top_up()
        while waiting:
            turn = received % processes
            data = _next_result(outboxes[turn], workers[turn])
            received += 1
            item = waiting.popleft()
            top_up()  # before the work on this Doc, so that the workers parse while it is done
            doc = unpack(data, nlp.vocab)
            for component in finish:
                doc = component(doc)
            yield item, doc
        finished = True
    finally:
        _stop(workers, inboxes, outboxes, graceful=finished)


def _next_result(outbox: Any, worker: BaseProcess) -> _Packed:
    while True:
        try:
            got = outbox.get(timeout=_POLL_SECONDS)
        except queue.Empty:
            if worker.is_alive():
                continue
            try:  # it may have put its last result just before it exited
                got = outbox.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                raise ParseError(
                    f"spaCy worker {worker.name} exited (code {worker.exitcode}) before parsing every text"
                ) from None
        if isinstance(got, _Failed):
            raise ParseError(f"spaCy worker {worker.name} failed: {got.problem}")
        if not isinstance(got, tuple):
            raise ParseError(f"spaCy worker {worker.name} sent {type(got).__name__}, not a parsed Doc")
        return got


def _stop(workers: list[BaseProcess], inboxes: list[Any], outboxes: list[Any], *, graceful: bool) -> None:
    for worker in workers:
        if graceful:
            worker.join(timeout=10)
        if worker.is_alive():
            worker.terminate()
            worker.join(timeout=10)
    for q in (*inboxes, *outboxes):
        q.close()
        # Texts left in an inbox of a terminated worker must not hold this process at exit.
        q.cancel_join_thread()
