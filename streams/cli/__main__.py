"""``python -m streams.cli ARGS...``: the same as ``dyadwatch ARGS...``."""

import sys

from streams.cli.main import main

sys.exit(main())
