"""A serving process keeps what it loaded at start out of the garbage collector's passes, and still collects turns' garbage."""
import gc
import weakref

from vyaparai.workers.heap import freeze_loaded_data


class Node:
    pass


def test_objects_alive_at_start_are_frozen_and_later_cycles_are_still_collected():
    loaded = Node()
    try:
        assert freeze_loaded_data() >= 1
        assert gc.get_freeze_count() > 0
        # A reference cycle made afterwards (a turn's leftovers) is collected as before.
        cycle = Node()
        cycle.me = cycle
        gone = weakref.ref(cycle)
        del cycle
        gc.collect()
        assert gone() is None
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual
