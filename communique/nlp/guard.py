"""One article's failure is that article's reject, never the batch's.

Every communique component runs inside `guarded(doc)`: an exception, or a run past the
article's time budget (settings.article_budget_s, summed over the components), marks the doc with a
reason (doc.user_data["communique_error"]) and later components skip it; the pipeline turns it into
an InputRejected. The budget interrupts (SIGALRM) where the process may use signals, its main
thread; elsewhere (a web server's worker thread) it is checked when each component returns."""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager

from spacy.tokens import Doc

ERROR = "communique_error"
SPENT = "communique_spent_s"
BUDGET = "communique_budget_s"


class ArticleTimeout(Exception):
    pass


def failed(doc: Doc) -> str | None:
    return doc.user_data.get(ERROR)


def _can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _alarm(signum, frame):
    raise ArticleTimeout()


@contextmanager
def guarded(doc: Doc):
    """Run one component on one doc; record any failure on the doc instead of raising."""
    budget = doc.user_data.get(BUDGET)
    left = None if budget is None else budget - doc.user_data.get(SPENT, 0.0)
    interrupt = left is not None and left > 0 and _can_interrupt()
    previous = None
    if interrupt:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, left)
    start = time.perf_counter()
    try:
        yield
    except ArticleTimeout:
        doc.user_data[ERROR] = f"took longer than {budget:g} s to extract (article_budget_s)"
    except RecursionError:
        doc.user_data[ERROR] = "extraction failed: nesting too deep (RecursionError)"
    except Exception as exc:  # one article's bug must not end the batch; the reason is kept
        doc.user_data[ERROR] = f"extraction failed ({type(exc).__name__}: {str(exc)[:200]})"
    finally:
        if interrupt:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous or signal.SIG_DFL)
        spent = doc.user_data.get(SPENT, 0.0) + time.perf_counter() - start
        doc.user_data[SPENT] = spent
        if budget is not None and spent > budget and not doc.user_data.get(ERROR):
            doc.user_data[ERROR] = f"took longer than {budget:g} s to extract (article_budget_s)"
