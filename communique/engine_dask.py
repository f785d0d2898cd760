"""Extraction on a dask.distributed cluster: workers extract, this process writes.

Chunks of `batch_size` articles are submitted to the cluster's workers, which run the same
pipeline as `--engine local` (each worker process loads the model once: load_pipeline is cached)
and send back Records; results are taken in input order with a bounded number of chunks in
flight, and the single writer (the calling `communique ingest`) stores them, so the store sees
exactly what a local run would write. Every worker needs communique installed at the same version
(see README: "Running on a cluster").
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from communique.errors import UsageError
from communique.model import Article, Record
from communique.pipeline import _chunks, _extract_here
from communique.settings import Settings


def _extract_chunk(chunk: list[Article], settings: Settings) -> list[Record]:
    return list(_extract_here(chunk, settings))


def extract_on_dask(articles: Iterable[Article], settings: Settings, scheduler: str) -> Iterator[Record]:
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - the lock file installs it
        raise UsageError("the dask engine needs the 'distributed' package (./dev setup installs it)") from exc
    try:
        client = Client(scheduler, timeout=settings.dask_connect_s)
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the dask scheduler at {scheduler} ({exc})") from exc
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque = deque()
        for chunk in _chunks(articles, settings.batch_size):
            pending.append(client.submit(_extract_chunk, chunk, settings, pure=False))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        client.close()
