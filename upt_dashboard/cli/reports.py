"""Sub-commands about stored reports: import, submissions, units, template.

python cli.py import FILE...            validate and store monthly reports
python cli.py submissions [--unit CODE] [--period YYYY-MM]
python cli.py units
python cli.py template --unit CODE --period YYYY-MM -o FILE [--prefill]
"""

from __future__ import annotations

import argparse
import signal
import sys
from datetime import UTC, datetime, time
from pathlib import Path

from upt_dashboard.cli.args import add_db_option, cli_scope, date_arg, month_arg, open_db
from upt_dashboard.cli.text import safe


def cmd_import(args) -> int:
    """Import files as a job: one line per file as it is stored, then a count of each outcome.

    Exit code: 0 when every file was accepted or unchanged, 1 when a file
    was refused (fix it and import again), 3 when a file failed to store
    (the database: read-only, full, unreachable or busy; import again).
    """
    from upt_dashboard.intake.bulk import (
        SAMPLE_UPLOADER,
        default_workers,
        iter_import,
        recorded_upload_times,
    )
    from upt_dashboard.intake.ingest import FAILED, OUTCOMES, REFUSED

    files = [Path(p) for p in args.files]
    recorded = recorded_upload_times(files)
    if args.received_at is not None:
        noon = datetime.combine(args.received_at, time(12), tzinfo=UTC)  # that day anywhere
        uploaded_at = {f.name: noon for f in files}
    else:
        uploaded_at = recorded
    # Sample files keep the sample uploader, as on the app's first start (the banner).
    user = args.user or (SAMPLE_UPLOADER if recorded and len(recorded) == len(files) else "cli")
    counts = dict.fromkeys(OUTCOMES, 0)
    _stop_on_sigterm()
    try:
        for result in iter_import(open_db(args), files, user, uploaded_at, default_workers()):
            counts[result.status] += 1
            print(f"{safe(result.filename)}: {safe(result.message)}", flush=True)
            for finding in result.findings:  # warnings too: they don't block but need a look
                label = "KESALAHAN" if finding.is_error else "peringatan"
                print(f"  {label:10} {safe(finding.location)}: {safe(finding.message)}")
    except KeyboardInterrupt:
        print("Dihentikan; berkas yang sudah tercetak di atas sudah tersimpan.", file=sys.stderr)
        return 130
    finally:
        print(_summary(counts, len(files)), flush=True)
    if counts[FAILED]:
        return 3
    return 1 if counts[REFUSED] else 0


def _summary(counts: dict[str, int], total: int) -> str:
    done = sum(counts.values())
    line = (
        f"Selesai: {counts['accepted']} diterima, {counts['unchanged']} tidak berubah, "
        f"{counts['refused']} ditolak, {counts['failed']} gagal ({done} dari {total} berkas)."
    )
    return line if done == total else line.replace("Selesai", "Terhenti")


def _stop_on_sigterm() -> None:
    """SIGTERM ends the job like Ctrl-C: the file in hand rolls back, the workers stop."""

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)


def cmd_submissions(args) -> int:
    from upt_dashboard.storage.submissions import list_submissions

    listing = list_submissions(open_db(args), cli_scope(), unit=args.unit, period=args.period)
    if listing.is_empty():
        print("Belum ada laporan tersimpan.")
    for row in listing.iter_rows(named=True):
        state = "terkini" if row["is_current"] else "lama"
        print(
            f"{safe(row['unit_code']):10} {row['year']}-{row['month']:02d} v{row['version']} "
            f"{state:7} {row['review_state']:12} {row['uploaded_at']:%Y-%m-%d %H:%M} UTC  "
            f"{safe(row['uploaded_by']):14} "
            f"{row['sha256'][:12]}  {safe(row['filename'])}"
        )
    return 0


def cmd_units(args) -> int:
    from upt_dashboard.storage.registry import list_units

    for row in list_units(open_db(args)).iter_rows(named=True):
        print(
            f"{row['code']:10} {row['type']:5} {row['capacity']:5}  {row['city']:12} {row['name']}"
        )
    return 0


def cmd_template(args) -> int:
    from data_loaders.template import template_bytes
    from upt_dashboard.intake.templates import prefilled_template
    from upt_dashboard.storage.registry import list_units

    engine = open_db(args)
    units = list_units(engine)
    match = units.filter(units["code"] == args.unit)
    if match.is_empty():
        print(f"Kode UPT {args.unit!r} tidak dikenal. Lihat: python cli.py units", file=sys.stderr)
        return 2
    if args.prefill:
        data = prefilled_template(engine, args.unit, args.period, cli_scope())
    else:
        data = template_bytes(args.unit, match["name"][0], args.period)
    Path(args.output).write_bytes(data)
    filled = " (terisi dari laporan tersimpan)" if args.prefill else ""
    print(f"Templat{filled} ditulis ke {args.output}")
    return 0


def add_parsers(sub) -> None:
    """Register this module's sub-commands on an argparse sub-parser collection."""

    def add(name: str, handler, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help)
        add_db_option(p)
        p.set_defaults(handler=handler)
        return p

    p = add("import", cmd_import, "validate and store monthly report workbooks")
    p.add_argument("files", nargs="+")
    p.add_argument(
        "--user", help="recorded as the uploader (default: cli; 'data contoh' for sample files)"
    )
    p.add_argument(
        "--received-at",
        type=date_arg,
        metavar="YYYY-MM-DD",
        help="record the files as uploaded on that day (backfilling paper-era reports); "
        "default: now, or the times in the folder's uploads.csv (sample data)",
    )

    p = add("submissions", cmd_submissions, "list stored submissions")
    p.add_argument("--unit")
    p.add_argument("--period", type=month_arg, metavar="YYYY-MM")

    add("units", cmd_units, "list the unit registry")

    p = add("template", cmd_template, "write a report workbook (blank, or --prefill)")
    p.add_argument("--unit", required=True)
    p.add_argument("--period", required=True, type=month_arg, metavar="YYYY-MM")
    p.add_argument("-o", "--output", required=True)
    p.add_argument(
        "--prefill",
        action="store_true",
        help="fill staff list, services, capacity and opening residents from stored reports",
    )
