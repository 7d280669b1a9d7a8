"""Tables of the administration pages (accounts, audit log, verification), plain polars."""

from __future__ import annotations

import polars as pl

from upt_dashboard.months import Month
from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import t

WIB = "Asia/Jakarta"


def _wib(column: str) -> pl.Expr:
    return pl.col(column).dt.convert_time_zone(WIB).dt.strftime("%d/%m/%Y %H:%M:%S")


def accounts_table(accounts: pl.DataFrame, role_names: dict[str, str]) -> pl.DataFrame:
    """``access.accounts.list_accounts`` with headers in the UI language (no hashes exist
    in it to hide)."""
    yes, no = t("accounts.yes"), t("accounts.no")
    return accounts.select(
        pl.col("username").alias(t("accounts.col.username")),
        pl.col("display_name").alias(t("accounts.col.name")),
        pl.col("role")
        .replace_strict(role_names, default=pl.col("role"))
        .alias(t("accounts.col.role")),
        pl.col("unit_code").fill_null("—").alias(t("accounts.col.unit")),
        pl.col("email").fill_null("").alias(t("accounts.col.email")),
        pl.when("active").then(pl.lit(yes)).otherwise(pl.lit(no)).alias(t("accounts.col.active")),
        _wib("locked_until").fill_null("").alias(t("accounts.col.locked")),
        _wib("last_login_at").fill_null("").alias(t("accounts.col.last_login")),
    )


def audit_table(entries: pl.DataFrame) -> pl.DataFrame:
    """Audit rows for the screen: time in WIB, headers in the UI language."""
    return entries.select(
        _wib("time").alias(t("audit.col.time")),
        pl.col("username").alias(t("audit.col.username")),
        pl.col("action").alias(t("audit.col.action")),
        pl.col("unit_code").fill_null("").alias(t("audit.col.unit")),
        pl.col("period").fill_null("").alias(t("audit.col.period")),
        pl.col("object").fill_null("").alias(t("audit.col.object")),
        pl.col("details").alias(t("audit.col.details")),
        pl.col("client").fill_null("").alias(t("audit.col.client")),
    )


def audit_csv_frame(entries: pl.DataFrame) -> pl.DataFrame:
    """The CSV columns (the same as ``cli.py audit list --format csv``): UTC ISO times."""
    return entries.select(
        pl.col("time").dt.strftime("%Y-%m-%dT%H:%M:%S%.6fZ").alias("time"),
        "username",
        "action",
        "unit_code",
        "period",
        "details",
    )


def queue_label(row: dict) -> str:
    """One line naming a report waiting for verification."""
    return t(
        "review.item",
        unit=row["unit_code"],
        period=fmt.period_label(Month(row["year"], row["month"])),
        version=row["version"],
        date=fmt.day(row["uploaded_at"].date()),
        by=row["uploaded_by"],
    )
