"""Every module of the package imports on its own, in a fresh interpreter.

An import cycle only shows when a module is imported first (``import scorecard.score`` once
failed through ``scorecard.metrics.params`` although ``import scorecard.metrics`` worked), so
one subprocess imports each module after forgetting every ``scorecard`` module it has loaded.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_SCRIPT = """
import importlib, pkgutil, sys, traceback
import scorecard

names = sorted(m.name for m in pkgutil.walk_packages(scorecard.__path__, "scorecard."))
failed = []
for name in names:
    if name == "scorecard.__main__":  # runs the CLI when imported
        continue
    for loaded in [m for m in sys.modules if m == "scorecard" or m.startswith("scorecard.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception:
        failed.append(name + ": " + traceback.format_exc().strip().splitlines()[-1])
print(len(names))
print("\\n".join(failed))
sys.exit(1 if failed else 0)
"""


def test_every_module_imports_on_its_own() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # The walk found the package's modules, not an empty list (there are well over 100).
    assert int(done.stdout.split()[0]) > 100
