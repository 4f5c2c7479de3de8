"""Syndication: near-duplicate articles (republished, lightly edited copies) form one cluster.

IBC counts a wire story printed by ten papers as one source; annalist does the same
by clustering documents whose word 5-gram sets overlap (MinHash LSH, datasketch).
LSH proposes pairs at a lowered threshold, the MinHash Jaccard estimate confirms
them: measured on this machine, LSH alone at 0.8 recalls only 59% of true pairs.
"""
from __future__ import annotations

import re
import zlib

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5
SCHEME = "affine32"  # datasketch 2's default; stored signatures name it so they stay comparable
SAME_STORY = 0.5  # Jaccard of 5-gram sets above which two texts are one story
_LSH_THRESHOLD = 0.4
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[int]:
    """Word 5-grams, each hashed to 32 bits.

    CRC32 rather than datasketch's default SHA-1: stable across runs like SHA-1,
    and it halves the cost of a signature (measured on Timeline17).
    """
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)}


def _prehashed(value: int) -> int:
    return value


_TEMPLATE = MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashfunc=_prehashed)


def _new_minhash(hashvalues=None) -> MinHash:
    # Reuse the seeded permutations: generating them costs more than hashing a short article.
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashfunc=_prehashed, hashvalues=hashvalues,
                   permutations=_TEMPLATE.permutations)


def signature(text: str) -> bytes:
    """MinHash signature of a text, as bytes for the store."""
    minhash = _new_minhash()
    minhash.update_batch(list(shingles(text)))
    return minhash.hashvalues.astype(np.uint32).tobytes()


def _minhash(blob: bytes) -> MinHash:
    return _new_minhash(np.frombuffer(blob, dtype=np.uint32))


def cluster(signatures: list[tuple[str, bytes]]) -> dict[str, str]:
    """Map each document id to its cluster id: the first id (in the order given) of its cluster.

    Given in ingest order, a cluster is named after its earliest document, so
    names stay put as the archive grows.
    """
    lsh = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=NUM_PERM)
    hashes = {}
    parent = {doc_id: doc_id for doc_id, _ in signatures}
    rank = {doc_id: i for i, (doc_id, _) in enumerate(signatures)}

    def find(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    for doc_id, blob in signatures:
        minhash = _minhash(blob)
        for other in lsh.query(minhash):
            if minhash.jaccard(hashes[other]) >= SAME_STORY:
                a, b = find(doc_id), find(other)
                if a != b:
                    first, second = sorted((a, b), key=rank.__getitem__)
                    parent[second] = first
        lsh.insert(doc_id, minhash)
        hashes[doc_id] = minhash
    return {doc_id: find(doc_id) for doc_id, _ in signatures}
