"""Deterministic sample data: believable monthly reports for every registry unit.

:func:`generate` writes ``sample_data/`` (the monthly workbooks for
2024-11 … 2026-10, ``uploads.csv``, ``with_errors/``, ``with_warnings/`` and
their READMEs); ``python cli.py sample`` runs it. Nothing depends on the wall
clock: every number comes from a random stream seeded from the unit code,
months are fixed, and workbooks get a fixed timestamp, so two runs give
byte-identical files and a subset run (``units=``, ``months=``) gives the same
bytes as the full run.

The modules, one job each:

- ``workdays``: working days, national holidays, Eid al-Fitr
- ``randomness``: the seeded streams and the draws built on them
- ``registry``: :class:`Unit` records from the project registry
- ``stories``: the month range and the planted stories, as data
- ``profiles``: what each unit and unit type is like
- ``people``: names, NIPs and rosters
- ``simulation``: one unit's 24 monthly reports, sheet by sheet
- ``writing``: workbooks with the clock taken out, ``uploads.csv``, the README
- ``refusals``: the files validation must refuse or warn about
- ``dataset``: :func:`generate`, the whole set on disk
- ``cli``: the ``sample`` sub-command
"""

from upt_dashboard.sample.dataset import generate

__all__ = ["generate"]
