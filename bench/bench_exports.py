"""Time the meeting deck and the Excel summary for 30 units (synthetic facts).

    python -m bench.bench_exports [--units 30] [--months 24] [--repeat 3]

Facts are built in memory (tests/export_facts.py), so the figures are the
export itself: computing the pack through the indicator engine, then laying
out the deck or the workbook. Goals on this machine: deck ≤ 5 s, workbook
≤ 3 s, each including its pack. Prints the median of ``--repeat`` runs
after one warm-up. ``--images`` adds the zip of every chart as PNG (one
warm Chromium per zip, started inside the timing).
"""

from __future__ import annotations

import argparse
import statistics
import time

from tests.export_facts import fixed_config, synthetic_facts
from upt_dashboard.exports.deck import build_deck
from upt_dashboard.exports.pack import ExportScope, build_pack
from upt_dashboard.exports.workbook import build_workbook
from upt_dashboard.months import Month

GOALS = {"deck": 5.0, "workbook": 3.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=30)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--images",
        action="store_true",
        help="also time the zip of every chart as PNG (needs Chromium)",
    )
    args = parser.parse_args()

    start = Month(2024, 11)
    facts = synthetic_facts(
        n_units=args.units, months=args.months, start=start, staff=60, respondents=60
    )
    scope = ExportScope(start, start + (args.months - 1))
    config = fixed_config()

    def pack():
        return build_pack(facts, scope, config=config)

    steps = {
        "pack": pack,
        "deck": lambda: build_deck(pack()),
        "workbook": lambda: build_workbook(pack()),
    }
    if args.images:
        from upt_dashboard.exports.figures import pack_figures
        from upt_dashboard.exports.images import zip_figures

        steps["png zip"] = lambda: zip_figures(pack_figures(pack()), "png")
    print(
        f"{args.units} units × {args.months} months, "
        f"{facts.kehadiran_pegawai.height:,} employee-months, "
        f"{facts.survei_kepuasan.height:,} survey rows"
    )
    for name, step in steps.items():
        step()  # warm-up: imports, polars and Babel caches
        times = []
        for _ in range(args.repeat):
            began = time.perf_counter()
            result = step()
            times.append(time.perf_counter() - began)
        size = f"{len(result) / 1024:,.0f} KB" if isinstance(result, bytes) else ""
        goal = f"(goal ≤ {GOALS[name]:.0f} s)" if name in GOALS else "(included in both)"
        print(f"  {name:9} {statistics.median(times):6.2f} s  {size:>9} {goal}")


if __name__ == "__main__":
    main()
