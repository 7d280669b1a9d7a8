"""Time the monthly meeting pack for 30 units (synthetic facts).

    python -m bench.bench_exports [--units 30] [--months 24] [--repeat 3] [--images]

Facts are built in memory (tests/export_facts.py), so the figures are the
export itself: the pack of the focus month (the last month) through the
indicator engine, then each file. The goal on this machine: the meeting
pack — deck + workbook + A4 brief, pack included, Chromium started cold for
the brief's charts — in ≤ 5 s. The baseline measured in the same run is
the same three files made one after the other, each starting from scratch
(the brief waiting for its own Chromium), as before the pack started the
browser in the background. Prints the median of ``--repeat`` runs after one
warm-up. ``--images`` adds the zip of every chart as PNG.
"""

from __future__ import annotations

import argparse
import statistics
import time

from tests.export_facts import fixed_config, synthetic_facts
from upt_dashboard.exports import images
from upt_dashboard.exports.build import meeting_pack
from upt_dashboard.exports.deck import build_deck
from upt_dashboard.exports.pack import ExportScope, build_pack
from upt_dashboard.exports.pdf import build_pdf
from upt_dashboard.exports.workbook import build_workbook
from upt_dashboard.months import Month

GOALS = {"meeting pack": 5.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=30)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--images", action="store_true", help="also time every chart as PNG")
    args = parser.parse_args()

    start = Month(2024, 11)
    focus = start + (args.months - 1)
    facts = synthetic_facts(
        n_units=args.units, months=args.months, start=start, staff=60, respondents=60
    )
    config = fixed_config()

    def pack():
        return build_pack(facts, ExportScope(focus, focus), config=config)

    def one_after_another() -> int:
        deck, workbook = build_deck(pack()), build_workbook(pack())
        return len(deck) + len(workbook) + len(build_pdf(pack()))

    steps = {
        "pack": pack,
        "deck": lambda: build_deck(pack()),
        "workbook": lambda: build_workbook(pack()),
        "meeting pack": lambda: meeting_pack(pack()),
        "baseline": one_after_another,
    }
    if args.images:
        from upt_dashboard.exports.figures import pack_figures

        steps["png zip"] = lambda: images.zip_figures(pack_figures(pack()), "png")
    print(
        f"{args.units} units × {args.months} months (focus {focus}), "
        f"{facts.kehadiran_pegawai.height:,} employee-months, "
        f"{facts.survei_kepuasan.height:,} survey rows"
    )
    medians = {}
    for name, step in steps.items():
        step()  # warm-up: imports, polars and Babel caches (Chromium is stopped after each)
        times = []
        for _ in range(args.repeat):
            began = time.perf_counter()
            result = step()
            times.append(time.perf_counter() - began)
        medians[name] = statistics.median(times)
        size = f"{len(result) / 1024:,.0f} KB" if isinstance(result, bytes) else ""
        goal = f"(goal ≤ {GOALS[name]:.0f} s)" if name in GOALS else ""
        print(f"  {name:13} {medians[name]:6.2f} s  {size:>9} {goal}")
    ratio = medians["baseline"] / medians["meeting pack"]
    print(f"  the pack (browser warming in the background) is {ratio:.2f}× the baseline's speed")


if __name__ == "__main__":
    main()
