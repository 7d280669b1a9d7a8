"""Data-quality tables: anomaly flags and stored upload warnings, for display (plain)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import polars as pl

from data_loaders.texts import Text
from upt_dashboard.indicators.catalogue import BY_ID
from upt_dashboard.months import Month, Span
from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import language, t
from upt_dashboard.views.names import indicator_name


def anomaly_table(
    flags: pl.DataFrame, labels: Mapping[str, str], z_limit: float | None = None
) -> pl.DataFrame:
    """``flag_anomalies`` rows for display: unit, month, indicator, value, median, z, reason.

    The reason is the engine's (Bahasa Indonesia) on the Indonesian page and
    said again from the same numbers on the English one (``z_limit``: the
    configured threshold it names).
    """
    rows = flags.sort("robust_z", descending=True)
    shown = []
    for r in rows.iter_rows(named=True):
        ind = BY_ID[r["indicator_id"]]
        value = fmt.value(r["value"], ind.unit.value, ind.decimals)
        median = fmt.value(r["median"], ind.unit.value, ind.decimals)
        shown.append(
            (
                labels.get(r["unit_code"], r["unit_code"]),
                fmt.period_label(r["period_start"]),
                indicator_name(ind),
                value,
                median,
                fmt.number(r["robust_z"], 1),
                anomaly_reason(r, z_limit),
            )
        )
    headers = [
        t(k)
        for k in (
            "col.unit",
            "col.period",
            "col.indicator",
            "col.value",
            "col.median",
            "col.robust_z",
            "col.reason",
        )
    ]
    return pl.DataFrame(shown, schema={h: pl.String for h in headers}, orient="row")


def anomaly_reason(row: dict, z_limit: float | None = None) -> str:
    """Why a value was flagged: the engine's reason (Bahasa Indonesia), or the same said
    in English from the row's numbers (``z_limit``: the configured threshold)."""
    if language() == "id":
        return row["reason"]
    ind = BY_ID[row["indicator_id"]]
    if row.get("kind") == "trend":
        return t(
            "quality.anomaly_reason_trend",
            indicator=indicator_name(ind),
            median=fmt.value(row["median"], ind.unit.value, ind.decimals),
            value=fmt.value(row["value"], ind.unit.value, ind.decimals),
            z=fmt.number(row["robust_z"], 1),
        )
    return t(
        "quality.anomaly_reason_above"
        if row["value"] > row["median"]
        else "quality.anomaly_reason_below",
        indicator=indicator_name(ind),
        value=fmt.value(row["value"], ind.unit.value, ind.decimals),
        median=fmt.value(row["median"], ind.unit.value, ind.decimals),
        z=fmt.number(row["robust_z"], 1),
        limit=fmt.number(z_limit, 1) if z_limit is not None else "—",
    )


def warning_table(warnings: pl.DataFrame, labels: Mapping[str, str]) -> pl.DataFrame:
    """``storage.submissions.submission_warnings`` rows: unit, month, version, place, message."""
    rows = warnings.sort("unit_code", "year", "month")
    shown = [
        (
            labels.get(r["unit_code"], r["unit_code"]),
            fmt.period_label(Month(r["year"], r["month"])),
            str(r["version"]),
            r["location"],
            _message(r),
        )
        for r in rows.iter_rows(named=True)
    ]
    headers = [
        t(k) for k in ("col.unit", "col.period", "col.version", "col.location", "col.message")
    ]
    return pl.DataFrame(shown, schema={h: pl.String for h in headers}, orient="row")


def _message(row: dict) -> str:
    """A stored warning in the interface language (its Indonesian text when stored without
    a message key, as versions stored before the keys were)."""
    if language() == "id" or not row.get("text"):
        return row["message"]
    return Text.from_dict(json.loads(row["text"])).render(language())


def issues_per_unit(
    flags: pl.DataFrame, warnings: pl.DataFrame, labels: Mapping[str, str]
) -> pl.DataFrame:
    """Anomalies and warnings counted per unit: ``unit_code, label, anomalies, warnings``.

    Units with neither are left out; most issues first.
    """
    counts = (
        flags.group_by("unit_code")
        .agg(anomalies=pl.len())
        .join(
            warnings.group_by("unit_code").agg(warnings=pl.len()),
            on="unit_code",
            how="full",
            coalesce=True,
        )
        .with_columns(pl.col("anomalies", "warnings").fill_null(0).cast(pl.Int64))
    )
    return (
        counts.with_columns(
            label=pl.col("unit_code").replace_strict(dict(labels), default=pl.col("unit_code")),
            total=pl.col("anomalies") + pl.col("warnings"),
        )
        .sort(["total", "label"], descending=[True, False])
        .select("unit_code", "label", "anomalies", "warnings")
    )


def warnings_in(warnings: pl.DataFrame, codes: Sequence[str], span: Span) -> pl.DataFrame:
    """Stored upload warnings of the units and months chosen (adds a ``period`` key)."""
    return warnings.with_columns(period=pl.date(pl.col("year"), pl.col("month"), 1)).filter(
        pl.col("unit_code").is_in(list(codes)),
        pl.col("period").is_between(span.first_day, span.last.first_day),
    )
