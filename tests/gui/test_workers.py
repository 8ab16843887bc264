"""Jobs run off the GUI thread, report progress, failures and cancel."""

import threading

from reader.gui.workers import Job, Runner


def test_job_runs_on_a_pool_thread_and_delivers_its_result(qtbot):
    runner = Runner()
    seen = {}

    def work(job):
        seen["thread"] = threading.current_thread()
        job.progress(1, 2, "half")
        return 42

    job = Job(work)
    progress = []
    job.signals.progress.connect(lambda d, t, s: progress.append((d, t, s)))
    with qtbot.waitSignal(job.signals.finished, timeout=5000) as blocker:
        runner.start(job)
    assert blocker.args == [42]
    assert seen["thread"] is not threading.main_thread()
    qtbot.waitUntil(lambda: progress == [(1, 2, "half")])
    runner.wait()


def test_failures_arrive_as_messages(qtbot):
    runner = Runner()

    def work(_job):
        raise ValueError("bad file x.txt")

    job = Job(work)
    with qtbot.waitSignal(job.signals.failed, timeout=5000) as blocker:
        runner.start(job)
    assert blocker.args == ["bad file x.txt"]
    runner.wait()


def test_cancel_is_seen_by_the_work(qtbot):
    runner = Runner()
    started = threading.Event()

    def work(job):
        started.set()
        while not job.cancelled():
            threading.Event().wait(0.005)
        return "stopped"

    job = Job(work)
    with qtbot.waitSignal(job.signals.finished, timeout=5000) as blocker:
        runner.start(job)
        assert started.wait(5)
        job.cancel()
    assert blocker.args == ["stopped"]
    runner.wait()
