"""Early warning on unexplained absence (TK), PP No. 94/2021.

Cumulative TK days in a calendar year lead to a disciplinary penalty at
each threshold of the ladder below. UPT heads get the employees who have
reached a threshold or are one day from the next, year to date.

An employee is identified within a unit by NIP, or by the normalised name
for Non ASN staff without a NIP. This is personal data (UU No. 27/2022):
:func:`early_warning` takes the unit scope explicitly and has no
"all units" default; :func:`tk_threshold_counts` returns counts only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.months import Month
from upt_dashboard.storage.facts import Facts


@dataclass(frozen=True)
class Threshold:
    days: int  # cumulative TK days in the year that reach this step
    level: str  # ringan / sedang / berat
    sanction: str  # Bahasa Indonesia


LADDER: tuple[Threshold, ...] = (
    Threshold(3, "ringan", "teguran lisan"),
    Threshold(4, "ringan", "teguran tertulis"),
    Threshold(7, "ringan", "pernyataan tidak puas secara tertulis"),
    Threshold(11, "sedang", "pemotongan tunjangan kinerja 25% selama 6 bulan"),
    Threshold(14, "sedang", "pemotongan tunjangan kinerja 25% selama 9 bulan"),
    Threshold(17, "sedang", "pemotongan tunjangan kinerja 25% selama 12 bulan"),
    Threshold(21, "berat", "penurunan jabatan setingkat lebih rendah selama 12 bulan"),
    Threshold(25, "berat", "pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan"),
    Threshold(28, "berat", "pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS"),
)
# The thresholds the indicator list counts (first step of each level + dismissal).
COUNTED_THRESHOLDS = (3, 11, 21, 28)

WARNING_SCHEMA = pl.Schema(
    {
        "unit_code": pl.String(),
        "nip": pl.String(),
        "nama": pl.String(),
        "status": pl.String(),
        "tk_ytd": pl.Int64(),
        "ambang_tercapai": pl.Int64(),
        "sanksi_tercapai": pl.String(),
        "ambang_berikutnya": pl.Int64(),
        "sanksi_berikutnya": pl.String(),
        "sisa_hari": pl.Int64(),
    }
)


def sanction_text(t: Threshold) -> str:
    """``"hukuman disiplin ringan: teguran lisan (3 hari TK)"``."""
    return f"hukuman disiplin {t.level}: {t.sanction} ({t.days} hari TK)"


def year_to_date_tk(facts: Facts, *, units: Sequence[str] | None, as_of: Month) -> pl.DataFrame:
    """TK per employee from January of ``as_of``'s year to ``as_of``.

    Out: ``unit_code, nip, nama, status`` (as in the latest month listed)
    and ``tk_ytd``. ``units`` None means every unit (for counts only).
    """
    first, last = as_of.start_of("year").first_day, as_of.first_day
    rows = facts.kehadiran_pegawai.lazy().filter(pl.col("period").is_between(first, last))
    if units is not None:
        rows = rows.filter(pl.col("unit_code").is_in(list(units)))
    nip = pl.col("nip").str.strip_chars()
    name_key = pl.col("nama").str.to_lowercase().str.replace_all(r"\s+", " ").str.strip_chars()
    identity = (
        pl.when(nip.is_not_null() & (nip != ""))
        .then(pl.lit("nip:") + nip)
        .otherwise(pl.lit("nama:") + name_key)
    )
    return (
        rows.with_columns(identity=identity)
        .sort("period")
        .group_by("unit_code", "identity")
        .agg(pl.col("nip", "nama", "status").last(), tk_ytd=pl.col("tk").sum())
        .drop("identity")
        .collect()
    )


def early_warning(facts: Facts, *, units: Sequence[str], as_of: Month) -> pl.DataFrame:
    """Employees at or one day from a PP 94/2021 threshold, year to date.

    In: ``units`` — the unit codes the viewer may see (required, non-empty);
    ``as_of`` — the last month to include. Out:
    :data:`WARNING_SCHEMA`, one row per employee with TK ≥ 2, highest TK
    first: the highest threshold reached (null if none yet) and its sanction,
    the next threshold and its sanction, and the days left to it (null past
    the last). Raises IndicatorError for an empty unit list.
    """
    if not units:
        raise IndicatorError(
            "Daftar UPT wajib diisi: peringatan dini memuat data pribadi "
            "pegawai dan hanya untuk UPT yang boleh Anda lihat."
        )
    ytd = year_to_date_tk(facts, units=units, as_of=as_of)
    days = [t.days for t in LADDER]
    texts = [sanction_text(t) for t in LADDER]
    tk = pl.col("tk_ytd")
    reached = pl.lit(None, dtype=pl.Int64)
    nxt = pl.lit(None, dtype=pl.Int64)
    # Nested when/otherwise: the chain built last is tested first.
    for d in reversed(days):
        nxt = pl.when(tk < d).then(pl.lit(d)).otherwise(nxt)
    for d in days:
        reached = pl.when(tk >= d).then(pl.lit(d)).otherwise(reached)
    text_of = dict(zip(days, texts))
    return (
        ytd.filter(tk >= days[0] - 1)
        .with_columns(ambang_tercapai=reached, ambang_berikutnya=nxt)
        .with_columns(
            sanksi_tercapai=pl.col("ambang_tercapai").replace_strict(
                text_of, default=None, return_dtype=pl.String
            ),
            sanksi_berikutnya=pl.col("ambang_berikutnya").replace_strict(
                text_of, default=None, return_dtype=pl.String
            ),
            sisa_hari=pl.col("ambang_berikutnya") - tk,
        )
        .sort(["tk_ytd", "unit_code", "nama"], descending=[True, False, False])
        .select(WARNING_SCHEMA.names())
        .cast(dict(WARNING_SCHEMA))
    )


def tk_threshold_counts(
    facts: Facts,
    *,
    as_of: Month,
    units: Sequence[str] | None = None,
    level: str = "unit",
    thresholds: Sequence[int] = COUNTED_THRESHOLDS,
) -> pl.DataFrame:
    """Employees whose year-to-date TK has reached each threshold (counts, no names).

    Out: ``unit_code`` (unit code, type code or ``PROVINSI`` by ``level``),
    ``threshold``, ``employees`` — every (group, threshold) pair, zeros
    included, for the units in ``facts.units`` (narrowed by ``units``).
    """
    registry = facts.units.select(unit_code="code", type="type")
    if units is not None:
        registry = registry.filter(pl.col("unit_code").is_in(list(units)))
    key = {"unit": pl.col("unit_code"), "type": pl.col("type"), "province": pl.lit("PROVINSI")}
    if level not in key:
        raise IndicatorError(f"Tingkat '{level}' tidak dikenal.")
    ytd = year_to_date_tk(facts, units=registry["unit_code"].to_list(), as_of=as_of)
    groups = registry.select(unit_code=key[level]).unique()
    grid = groups.join(
        pl.DataFrame({"threshold": list(thresholds)}, schema={"threshold": pl.Int64}), how="cross"
    )
    counts = (
        ytd.join(registry, on="unit_code")
        .with_columns(unit_code=key[level])
        .join(grid, on="unit_code")
        .filter(pl.col("tk_ytd") >= pl.col("threshold"))
        .group_by("unit_code", "threshold")
        .agg(employees=pl.len().cast(pl.Int64))
    )
    return (
        grid.join(counts, on=["unit_code", "threshold"], how="left")
        .with_columns(pl.col("employees").fill_null(0))
        .sort("unit_code", "threshold")
    )
