"""The ``sample`` sub-command of ``python cli.py``: regenerate ``sample_data/``.

``add_parser``/``run`` follow the project's convention for commands that live
beside their code; ``upt_dashboard.cli`` registers them. Also runnable alone:
``python -m upt_dashboard.sample.cli sample --out DIR``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from upt_dashboard.sample.dataset import generate


def add_parser(subparsers) -> argparse.ArgumentParser:
    """The ``sample`` sub-command: regenerate the sample data."""
    parser = subparsers.add_parser(
        "sample",
        help="buat ulang data contoh (sample_data/)",
        description="Tulis ulang data contoh: laporan bulanan semua UPT, uploads.csv, "
        "with_errors/ dan with_warnings/. Hasilnya selalu sama.",
    )
    parser.add_argument("--out", default="sample_data", help="folder tujuan (default: sample_data)")
    parser.add_argument(
        "--unit",
        action="append",
        dest="units",
        metavar="KODE",
        help="hanya UPT ini (boleh diulang)",
    )
    parser.add_argument(
        "--month",
        action="append",
        dest="months",
        metavar="YYYY-MM",
        help="hanya bulan ini (boleh diulang)",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    """Regenerate into ``args.out``; print what was written. 2 for a bad unit or month."""
    started = time.perf_counter()
    try:
        paths = generate(
            Path(args.out), units=getattr(args, "units", None), months=getattr(args, "months", None)
        )
    except ValueError as exc:
        print(f"Gagal: {exc}")
        return 2
    workbooks = [p for p in paths if p.suffix == ".xlsx"]
    size = sum(p.stat().st_size for p in workbooks)
    print(
        f"{len(workbooks)} berkas .xlsx ditulis ke {args.out} "
        f"({size / 1e6:.1f} MB, {time.perf_counter() - started:.1f} detik)."
    )
    return 0


if __name__ == "__main__":
    _parser = argparse.ArgumentParser(prog="upt_dashboard.sample.cli")
    _sub = _parser.add_subparsers(required=True)
    add_parser(_sub)
    raise SystemExit(run(_parser.parse_args()))
