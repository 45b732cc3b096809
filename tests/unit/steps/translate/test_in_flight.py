"""Two windows translating side by side decode a text they share once: the later one waits for it."""

import threading

from flows.steps.translate.in_flight import InFlight


def test_a_text_another_window_claimed_is_waited_for_and_one_it_failed_is_left_to_the_waiter():
    shared = InFlight()
    mine, theirs = shared.claim([("Hà Nội", ""), ("Huế", "")])
    assert (mine, theirs) == ([("Hà Nội", ""), ("Huế", "")], [])
    later_mine, later_theirs = shared.claim([("Hà Nội", ""), ("Huế", ""), ("Đà Nẵng", "")])
    assert later_mine == [("Đà Nẵng", "")] and later_theirs == [("Hà Nội", ""), ("Huế", "")]
    got: dict = {}
    waiter = threading.Thread(target=lambda: got.update(shared.wait(later_theirs)))
    waiter.start()
    waiter.join(timeout=0.2)
    assert waiter.is_alive()  # still decoding in the first window: the second waits
    shared.release(mine, {("Hà Nội", ""): "Hanoi"})  # "Huế" failed there
    waiter.join(timeout=10)
    assert got == {("Hà Nội", ""): "Hanoi"}


def test_the_same_text_protected_differently_is_not_shared():
    shared = InFlight()
    shared.claim([("ông Dũng phát biểu", "name:Dũng=Dung")])
    mine, theirs = shared.claim([("ông Dũng phát biểu", "")])
    assert (mine, theirs) == ([("ông Dũng phát biểu", "")], [])
