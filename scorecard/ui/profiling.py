"""An opt-in profiler of script runs inside the real server, for ``bench/views.py --profile``.

With ``SCORECARD_PROFILE_DIR`` set, every framed run (``app.py``: navigation, sidebar, page) is
profiled with :mod:`cProfile` on its own script thread and written to that folder as
``<n>_<page>.prof`` (read with :mod:`pstats`). Unset (always, outside the bench), both calls are
a dictionary lookup and nothing else.
"""

from __future__ import annotations

import cProfile
import itertools
import os
import threading
from pathlib import Path
from urllib.parse import urlparse

import streamlit as st

ENV = "SCORECARD_PROFILE_DIR"
_local = threading.local()
_numbers = itertools.count(1)


def start() -> None:
    """Start profiling this script run when the bench asked for it."""
    if not os.environ.get(ENV):
        return
    profiler = cProfile.Profile()
    _local.profiler = profiler
    profiler.enable()


def stop() -> None:
    """Stop this run's profiler (if any) and write its statistics under the page's address."""
    profiler: cProfile.Profile | None = getattr(_local, "profiler", None)
    if profiler is None:
        return
    profiler.disable()
    _local.profiler = None
    page = urlparse(st.context.url or "").path.strip("/").replace("/", "_")
    folder = Path(os.environ[ENV])
    folder.mkdir(parents=True, exist_ok=True)
    profiler.dump_stats(folder / f"{next(_numbers):04d}_{page or 'home'}.prof")
