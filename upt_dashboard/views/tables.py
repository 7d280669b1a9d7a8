"""Frames shaped for display (plain polars, no Streamlit)."""

from __future__ import annotations

import polars as pl

from upt_dashboard.months import Month
from upt_dashboard.views.i18n import t


def key_numbers(frames: dict[str, pl.DataFrame]) -> list[tuple[str, str]]:
    """The key numbers of a report's sheets, as (message key, text) in display order.

    ``frames`` as in ``Report.frames`` or ``storage.versions.stored_frames``;
    an empty Penerima Manfaat sheet gives dashes.
    """
    from data_loaders.schema import (
        KEHADIRAN_PEGAWAI,
        PEMBINAAN,
        PENERIMA_MANFAAT,
        PENGADUAN,
        SURVEI_KEPUASAN,
    )
    from upt_dashboard.indicators.ikm import ikm_from_nrr
    from upt_dashboard.views import format as fmt

    pm_frame = frames[PENERIMA_MANFAAT.name]
    pm = pm_frame.row(0, named=True) if pm_frame.height else {}
    staff = frames[KEHADIRAN_PEGAWAI.name]
    survey = frames[SURVEI_KEPUASAN.name]
    exits = [pm.get(f"pm_keluar_{k}") for k in ("reintegrasi", "rujukan", "meninggal", "lainnya")]
    exits_total = None if None in exits else sum(exits)
    ikm = (
        fmt.number(ikm_from_nrr([survey[f"u{i}"].mean() for i in range(1, 10)]), 2)
        if survey.height
        else "—"
    )
    return [
        (
            "preview.residents",
            f"{fmt.number(pm.get('pm_akhir_bulan'))} / {fmt.number(pm.get('daya_tampung'))}",
        ),
        ("preview.flows", f"+{fmt.number(pm.get('pm_masuk'))} / −{fmt.number(exits_total)}"),
        ("preview.staff", fmt.number(staff.height)),
        ("preview.tk", fmt.number(staff["tk"].sum())),
        ("preview.respondents", fmt.number(survey.height)),
        ("preview.ikm", ikm),
        ("preview.complaints", fmt.number(frames[PENGADUAN.name].height)),
        ("preview.coaching", fmt.number(frames[PEMBINAAN.name].height)),
    ]


def report_preview(report) -> pl.DataFrame:
    """Key numbers of a checked report, for the operator to eyeball before storing."""
    from upt_dashboard.views import format as fmt

    rows = [
        ("preview.unit", report.unit_code),
        ("preview.period", fmt.period_label(report.period)),
        *key_numbers(report.frames),
    ]
    return pl.DataFrame(
        {t("col.item"): [t(k) for k, _ in rows], t("col.value"): [v for _, v in rows]}
    )


def replacement_diff(
    stored: dict[str, pl.DataFrame], new: dict[str, pl.DataFrame], version: int
) -> pl.DataFrame:
    """Key numbers of the stored version beside the new file's, changed ones marked.

    Columns: item, "Versi N", "Berkas ini", change ("berubah" or empty).
    """
    before, after = key_numbers(stored), key_numbers(new)
    return pl.DataFrame(
        {
            t("col.item"): [t(k) for k, _ in after],
            t("upload.col_stored", version=version): [v for _, v in before],
            t("upload.col_new"): [v for _, v in after],
            t("upload.col_change"): [
                t("upload.changed") if old != value else ""
                for (_, old), (_, value) in zip(before, after)
            ],
        }
    )


def version_label(row: dict) -> str:
    state = t("history.current") if row["is_current"] else t("history.superseded")
    return f"v{row['version']} ({state}, {row['uploaded_at']:%d/%m/%Y %H:%M})"


REVIEW_STATES = ("diunggah", "diverifikasi", "dikembalikan")


def review_state_names() -> dict[str, str]:
    """Verification state -> its word in the UI language."""
    return {state: t(f"review.state.{state}") for state in REVIEW_STATES}


def submissions_table(listing: pl.DataFrame) -> pl.DataFrame:
    """Versions of submissions with headers in the UI language."""
    review = (
        [
            pl.col("review_state")
            .replace_strict(review_state_names(), default=pl.col("review_state"))
            .alias(t("review.col.state"))
        ]
        if "review_state" in listing.columns
        else []
    )
    return listing.select(
        pl.col("version").alias(t("col.version")),
        pl.when(pl.col("is_current"))
        .then(pl.lit(t("history.current")))
        .otherwise(pl.lit(t("history.superseded")))
        .alias(t("col.status")),
        pl.col("uploaded_at").dt.strftime("%d/%m/%Y %H:%M").alias(t("col.uploaded_at")),
        pl.col("uploaded_by").alias(t("col.uploaded_by")),
        pl.col("filename").alias(t("col.filename")),
        pl.col("n_warnings").alias(t("col.warnings")),
        pl.col("sha256").str.slice(0, 12).alias(t("col.sha256")),
        *review,
    )


def unit_months(listing: pl.DataFrame, unit: str) -> list[Month]:
    """The months ``unit`` has submissions for, newest first."""
    rows = listing.filter(pl.col("unit_code") == unit).select("year", "month").iter_rows()
    return sorted({Month(y, m) for y, m in rows}, reverse=True)


def month_versions(listing: pl.DataFrame, unit: str, month: Month) -> pl.DataFrame:
    """The listing rows of one unit-month (every version)."""
    return listing.filter(
        pl.col("unit_code") == unit,
        pl.col("year") == month.year,
        pl.col("month") == month.month,
    )


def latest_upload(listing: pl.DataFrame) -> tuple[str, Month]:
    """Unit and month of the most recent upload: where the history opens."""
    row = listing.sort("uploaded_at").row(-1, named=True)
    return row["unit_code"], Month(row["year"], row["month"])
