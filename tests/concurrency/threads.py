"""Run the same work in many threads released at the same instant, as simultaneous requests."""

import contextlib
import threading

from django.db import connections
from django.utils import translation


def run_together(count, work, language=None):
    """Run work(i) for i in range(count), each in its own thread and database connection, all
    released by one barrier; return the exceptions raised. With `language`, each thread works
    in that language (a new thread starts in the default one)."""
    barrier = threading.Barrier(count)
    errors = []

    def target(i):
        try:
            barrier.wait()
            with translation.override(language) if language else contextlib.nullcontext():
                work(i)
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors
