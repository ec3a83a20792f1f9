"""``python -m scorecard``: see :mod:`scorecard.cli`."""

import sys

from scorecard.cli import main

sys.exit(main())
