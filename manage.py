#!/usr/bin/env python
"""Django's command-line entry point.

The configuration package lives in ``site/config``. ``site`` is also the name of a frozen
standard-library module, so it cannot be imported as a package: instead the ``site/`` folder
itself is put on the import path and the package is imported as ``config``.
"""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
