"""reader.heap.settle: garbage collected once, what is alive kept out of later full passes."""

from __future__ import annotations

import gc
import weakref

from reader import heap


class _Node:
    pass


def test_settle_frees_cycles_made_before_it_and_freezes_the_rest():
    try:
        a, b = _Node(), _Node()
        a.other, b.other = b, a  # a cycle: only the collector frees it
        gone = weakref.ref(a)
        del a, b
        kept = [_Node()]
        heap.settle()
        assert gone() is None
        assert gc.get_freeze_count() > 0
        assert not any(obj is kept for obj in gc.get_objects())  # frozen: not walked by full passes
        c, d = _Node(), _Node()
        c.other, d.other = d, c
        later = weakref.ref(c)
        del c, d
        gc.collect()  # what was made after it is collected as usual
        assert later() is None
    finally:
        gc.unfreeze()
