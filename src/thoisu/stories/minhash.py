"""MinHash signatures and LSH banding, in numpy alone.

The signature is the min over a set's elements of 128 affine permutations of a 32-bit
hash: crc32 of the element, pre-mixed by the MurmurHash3 finalizer, then
``a_k * h + b_k mod 2**32`` with odd ``a_k`` (a bijection, so permuting adds no
collisions). The permutation parameters are drawn from numpy's ``RandomState(1)`` in
the order datasketch's "affine32" scheme draws them, so signatures stored by earlier
versions of thoisu (made with datasketch) stay comparable; tests pin them.

Why not datasketch itself: importing it imports scipy (0.55 s of every run's start-up,
more than digesting ten articles), for two array operations.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

_SEED = 1
_U32 = np.uint32


@lru_cache(maxsize=4)
def permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    gen = np.random.RandomState(_SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=_U32) * _U32(2) + _U32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=_U32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    # MurmurHash3's finalizer: spreads structured hash inputs before the affine step
    h = h ^ (h >> _U32(16))
    h = h * _U32(0x85EBCA6B)
    h = h ^ (h >> _U32(13))
    h = h * _U32(0xC2B2AE35)
    return h ^ (h >> _U32(16))


def hashvalues(items: Iterable[bytes], num_perm: int) -> np.ndarray:
    """The MinHash values (uint32) of a set of byte strings."""
    a, b = permutations(num_perm)
    hv = np.fromiter((zlib.crc32(x) for x in items), dtype=_U32)
    if not hv.size:
        return np.full(num_perm, np.iinfo(_U32).max, dtype=_U32)
    hv = _fmix32(hv).reshape(-1, 1)
    with np.errstate(over="ignore"):  # uint32 wraparound is the modulo
        return (hv * a + b).min(axis=0)
