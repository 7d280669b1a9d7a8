"""Command-line twin of app.py: ``python cli.py --help`` (installed: ``upt-dashboard``)."""

import sys

from upt_dashboard.cli import main

if __name__ == "__main__":
    sys.exit(main())
