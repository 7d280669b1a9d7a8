"""``cli.py export``: the meeting deck, the Excel summary, the A4 brief, chart images.

    python cli.py export --format pptx|xlsx|pdf|png|svg|pack [--month YYYY-MM]
        [--from YYYY-MM --to YYYY-MM] [--unit CODE]... [--type TYPE]... -o OUTPUT
        [--db URL] [--include-personal-data] [--verified-only]

The focus month (``--month``) defaults to the latest month whose report
deadline has passed (on 28 November with the 10th as deadline: October);
``--from``/``--to`` export a range instead. ``pack`` is the whole meeting
pack (deck, workbook and brief) in one zip. For png/svg, ``-o`` ending in
``.zip`` gets one zip of all the charts; any other ``-o`` is a folder
(created if needed) that receives one file per chart. Exit status 0 when
written, 2 when the request cannot be served (the message says why, in
Bahasa Indonesia).
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

from upt_dashboard import settings
from upt_dashboard.cli.args import cli_viewer, month_arg, open_db
from upt_dashboard.exports import text
from upt_dashboard.exports.build import (
    FORMATS,
    IMAGE_FORMATS,
    export_bytes,
    pack_from_db,
    record_export,
)
from upt_dashboard.exports.errors import ExportError, user_message
from upt_dashboard.exports.pack import ExportScope
from upt_dashboard.exports.text import msg
from upt_dashboard.indicators.config import load_config
from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.months import Month
from upt_dashboard.views.selection import reporting_month


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``export`` sub-command to an argparse sub-parser collection."""
    p = subparsers.add_parser(
        "export",
        help="slide deck, Excel summary or chart images",
        description=__doc__.splitlines()[0],
    )
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument(
        "--month",
        type=month_arg,
        metavar="YYYY-MM",
        help="focus month (default: the latest month whose report deadline has passed)",
    )
    p.add_argument("--from", dest="start", type=month_arg, metavar="YYYY-MM", help="range start")
    p.add_argument("--to", dest="end", type=month_arg, metavar="YYYY-MM", help="range end")
    p.add_argument(
        "--unit",
        dest="units",
        action="append",
        default=[],
        metavar="CODE",
        help="unit code (repeatable); default all units",
    )
    p.add_argument(
        "--type",
        dest="types",
        action="append",
        default=[],
        metavar="TYPE",
        help="unit type code, e.g. PSTW (repeatable)",
    )
    p.add_argument(
        "-o",
        "--output",
        required=True,
        help="file to write; for png/svg a .zip file or a folder",
    )
    p.add_argument("--db", help="database URL (default: $DATABASE_URL or SQLite)")
    p.add_argument(
        "--verified-only",
        action="store_true",
        default=settings.flag("DASHBOARD_VERIFIED_ONLY"),
        help="verified reports only (default: $DASHBOARD_VERIFIED_ONLY)",
    )
    p.add_argument(
        "--include-personal-data",
        action="store_true",
        help="add per-employee rows (xlsx only) for the units you may see",
    )
    return p


def run(args: argparse.Namespace) -> int:
    months = _months(args)
    if isinstance(months, str):
        print(months, file=sys.stderr)
        return 2
    scope = ExportScope(
        *months,
        units=tuple(args.units),
        types=tuple(args.types),
        include_personal_data=args.include_personal_data,
    )
    viewer = cli_viewer()
    try:
        engine = open_db(args)
        pack = pack_from_db(engine, scope, viewer=viewer, verified_only=args.verified_only)
        data = export_bytes(pack, args.format)
        written = _write(Path(args.output), args.format, data)
    except (ExportError, IndicatorError) as exc:
        print(user_message(exc), file=sys.stderr)
        return 2
    record_export(engine, viewer, pack, args.format)
    if pack.withheld_units:
        print(
            msg("export.personal_withheld", units=", ".join(pack.withheld_units)), file=sys.stderr
        )
    print(msg("export.cli.written", path=written, size=f"{text.number(len(data) / 1024, 0)} KB"))
    return 0


def _months(args: argparse.Namespace) -> tuple[Month, Month] | str:
    """(first, last) month to export, or why the arguments do not say."""
    if args.month and (args.start or args.end):
        return msg("export.cli.month_or_range")
    if bool(args.start) != bool(args.end):
        return msg("export.cli.range_needs_both")
    if args.start:
        return args.start, args.end
    if args.month:
        return args.month, args.month
    config = load_config()
    focus = reporting_month(config.today_or_now(), config.report_deadline_day)
    return focus, focus


def _write(output: Path, fmt: str, data: bytes) -> Path:
    """Write the file, or unpack an image zip into a folder; returns what was written."""
    try:
        if fmt in IMAGE_FORMATS and output.suffix.lower() != ".zip":
            output.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                archive.extractall(output)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_bytes(data)
    except OSError as exc:
        raise ExportError("export.error.output", path=output, reason=exc.strerror or exc) from None
    return output
