"""Everything an export shows for one scope, computed once by the indicator engine.

:func:`build_pack` asks the engine (``indicators``) for the values and
shapes them into a :class:`Pack`; the deck, the workbook, the PDF brief and
the chart images only lay that pack out, so they always show the same
numbers and the engine stays the only place where an indicator is calculated.

A meeting pack is built for a FOCUS MONTH (``ExportScope(m, m)``): the
month's values, the change from the month before, a 12-month trend ending
at the month, the attention list and the paragraph that opens Ringkasan
(``views.summary``, in Bahasa Indonesia). A range (``--from``/``--to``)
works the same way: its values are the range's, compared with the range of
the same length before it, and the trend covers at least 12 months.

Personal data: the pack holds per-employee rows only when the scope asks
for them (``include_personal_data``) and then only for the units
``access.can_see_personal_data`` allows the ``viewer``; the others are
listed in ``withheld_units``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from upt_dashboard.access import Viewer, personal_data_units
from upt_dashboard.exports import text
from upt_dashboard.indicators.catalogue import BY_ID, Direction
from upt_dashboard.indicators.complaints import complaint_list
from upt_dashboard.indicators.config import Config, load_config
from upt_dashboard.indicators.early_warning import early_warning, tk_threshold_counts
from upt_dashboard.indicators.engine import PROVINCE, SCOPE, compute
from upt_dashboard.indicators.keys import COMPOSITES, KEY_INDICATORS
from upt_dashboard.indicators.reporting import report_grid
from upt_dashboard.indicators.status import shown_value_expr
from upt_dashboard.indicators.survey import nrr_by_element
from upt_dashboard.months import Month
from upt_dashboard.storage.facts import Facts
from upt_dashboard.views.attention import UnitAttention
from upt_dashboard.views.i18n import speaking
from upt_dashboard.views.names import unit_labels
from upt_dashboard.views.scope import ScopeName, scope_name
from upt_dashboard.views.summary import gather, summary_text

# The composites and key indicators are the dashboard overview's, so the deck
# tells the same story as the landing page; every key indicator but IKM (which
# has its own slide) gets a trend and a ranking.
CHART_INDICATORS: tuple[str, ...] = COMPOSITES + tuple(i for i in KEY_INDICATORS if i != "ikm")
TREND_MONTHS = 12  # a trend always shows at least a year, ending at the focus month


@dataclass(frozen=True)
class ExportScope:
    """What to export: months ``start``..``end`` (inclusive; one month for a meeting
    pack) and which units.

    ``units`` and ``types`` narrow the registry (both given: the units of
    those types); empty means every unit of the province.
    """

    start: Month
    end: Month
    units: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    include_personal_data: bool = False
    sample_data: bool = False  # the figures come from sample_data/: every page says so
    # Verification (exports.build): verified reports only, or how many current reports of
    # the months shown (the trend's included) are not verified yet; the source line says so.
    verified_only: bool = False
    unverified: int = 0

    @property
    def whole_province(self) -> bool:
        return not self.units and not self.types

    @property
    def single_month(self) -> bool:
        return self.start == self.end

    @property
    def length(self) -> int:
        return len(Month.range(self.start, self.end))

    @property
    def before(self) -> tuple[Month, Month]:
        """The period compared with: as long as this one, ending the month before it."""
        return self.start - self.length, self.start - 1

    @property
    def trend_start(self) -> Month:
        return min(self.start, self.end - (TREND_MONTHS - 1))

    def engine_args(self) -> dict[str, tuple[str, ...] | None]:
        return {
            "units": self.units or None,
            "types": self.types or None,
            "start": self.start,
            "end": self.end,
        }

    def file_stem(self) -> str:
        """``kualitas-layanan_2026-10`` or ``…_2025-11_2026-10[_PSTW]``: safe in every file
        system."""
        parts = [
            "kualitas-layanan",
            *([str(self.start)] if self.single_month else [str(self.start), str(self.end)]),
            *self.types,
            *self.units[:3],
        ]
        return re.sub(r"[^A-Za-z0-9_.-]", "", "_".join(parts))


@dataclass(frozen=True, eq=False)
class Pack:
    """The numbers of one export. Frames follow ``indicators.engine.RESULT_SCHEMA``
    unless said otherwise; ``PROVINSI`` rows hold the scope's total.
    """

    scope: ExportScope
    made_on: date
    config: Config
    units: pl.DataFrame  # code, name, type, city, label (short, for charts) in registry order
    registry: pl.DataFrame  # every registry unit (what "the whole province" is)
    unit_types: pl.DataFrame  # the whole type registry (colours must not depend on the scope)
    summary: pl.DataFrame  # the scope as a whole, the period, every indicator
    previous: pl.DataFrame  # the scope as a whole, the period before (same length)
    province: pl.DataFrame  # the whole province, the period (the reference beside rankings)
    by_unit: pl.DataFrame  # each unit in scope, the period
    trend: pl.DataFrame  # the scope per month of the trend window, every indicator
    province_trend: pl.DataFrame  # the whole province per month (KEY_INDICATORS, COMPOSITES)
    ikm_elements: pl.DataFrame  # element, name, nrr, respondents, rank (pooled over the scope)
    ikm_elements_by_unit: pl.DataFrame  # unit_code, element, nrr, respondents
    reports: pl.DataFrame  # unit_code, period, reported, on_time, first_upload (missing or late)
    complaints: pl.DataFrame  # one row per complaint received in scope, newest state
    tk_counts: pl.DataFrame  # unit_code, threshold, employees: PP 94/2021 ladder, counts only
    attention: tuple[UnitAttention, ...]  # the units that need attention, Bahasa Indonesia
    summary_text: str  # the paragraph that opens Ringkasan, in Bahasa Indonesia
    employees: pl.DataFrame | None = None  # per-employee attendance, only when asked for
    early_warning: pl.DataFrame | None = None  # employees near a TK threshold, only when asked
    withheld_units: tuple[str, ...] = field(default_factory=tuple)

    @property
    def months(self) -> list[Month]:
        """The months of the trend window: at least 12, ending at the period's end."""
        return Month.range(self.scope.trend_start, self.scope.end)

    @property
    def period_months(self) -> list[Month]:
        return Month.range(self.scope.start, self.scope.end)

    def period_name(self) -> str:
        """``Oktober 2026`` or ``November 2025 – Oktober 2026``."""
        return text.span(self.scope.start, self.scope.end)

    def before_name(self) -> str:
        return text.span(*self.scope.before)

    def row(self, frame: pl.DataFrame, indicator_id: str, unit_code: str = PROVINCE) -> dict | None:
        """The one row of ``indicator_id`` for ``unit_code`` in a whole-range frame.

        ``PROVINCE`` (the default) asks for the frame's total row, whose code is
        ``PROVINSI`` for the whole province and ``CAKUPAN`` for a narrower scope.
        """
        codes = [PROVINCE, SCOPE] if unit_code == PROVINCE else [unit_code]
        rows = frame.filter(
            pl.col("indicator_id") == indicator_id, pl.col("unit_code").is_in(codes)
        )
        return rows.row(0, named=True) if rows.height else None

    def source(self) -> str:
        """The source and period line of every slide and sheet (the trend's months too;
        how many reports of them were not verified yet)."""
        return text.source(
            self.scope.trend_start,
            self.scope.end,
            self.scope.sample_data,
            text.verification(self.scope.verified_only, self.scope.unverified),
        )

    @property
    def covered(self) -> ScopeName:
        """What the scope covers, named as the dashboard names it (in Bahasa Indonesia)."""
        return scope_name(
            self.registry, self.scope.units or None, self.scope.types or None, lang=text.LANG
        )

    def scope_label(self) -> str:
        """``Provinsi Jawa Timur``, ``Jenis PSTW (7 UPT)``, ``PSTW Jombang``, ``Pilihan (3 UPT)``.

        A scope's total is never called the province unless it is every unit.
        """
        return self.covered.label

    def monthly(self, frame: pl.DataFrame, indicator_id: str) -> list[float | None]:
        """Values of a per-month frame, one per month of the trend window (None where none)."""
        rows = frame.filter(pl.col("indicator_id") == indicator_id)
        by_month = dict(zip(rows["period_start"], rows["value"]))
        return [by_month.get(m.first_day) for m in self.months]

    def has_value(self, indicator_id: str) -> bool:
        found = self.row(self.summary, indicator_id)
        return found is not None and found["value"] is not None

    def ranked(self, indicator_id: str) -> pl.DataFrame:
        """Units with a value for ``indicator_id``, best first.

        Columns: unit_code, label, type, value, status, grade.
        """
        descending = BY_ID[indicator_id].direction is not Direction.LOWER
        return (
            self.by_unit.filter(
                pl.col("indicator_id") == indicator_id, pl.col("value").is_not_null()
            )
            .join(self.units.select(unit_code="code", label="label", type="type"), on="unit_code")
            .sort("value", "unit_code", descending=[descending, False])
            .select("unit_code", "label", "type", "value", "status", "grade")
        )


def build_pack(
    facts: Facts,
    scope: ExportScope,
    *,
    config: Config | None = None,
    made_on: date | None = None,
    viewer: Viewer | None = None,
) -> Pack:
    """Compute everything an export of ``scope`` shows (per-employee rows: ``viewer``'s
    units only; no viewer, none).

    Raises ``IndicatorError`` (a message in Bahasa Indonesia) for an unknown
    unit or type, an empty scope or a start after the end.
    """
    config = config or load_config()

    def shown(**kwargs) -> pl.DataFrame:
        # Values rounded as the dashboard shows them: a file says what the screen says.
        return compute(facts, config=config, **kwargs).with_columns(value=shown_value_expr())

    args = scope.engine_args()
    units = _units_in_scope(facts, scope)
    codes = units["code"].to_list()
    with speaking("id"):  # the paragraph and the reasons, as a meeting document speaks
        gathered = gather(
            facts,
            scope.start,
            scope.end,
            config,
            name=text.span(scope.start, scope.end),
            before_name=text.span(*scope.before),
            units=scope.units or None,
            types=scope.types or None,
        )
        paragraph = summary_text(gathered.numbers)
    summary = gathered.current.with_columns(value=shown_value_expr())
    trend_args = {**args, "start": scope.trend_start}
    trend_ids = list(dict.fromkeys(COMPOSITES + KEY_INDICATORS))
    trend = shown(**trend_args, grain="month", level="province")
    if scope.whole_province:
        province, province_trend = summary, trend
    else:
        everywhere = {"start": scope.start, "end": scope.end}
        province = shown(**everywhere, grain="all", level="province")
        province_trend = shown(
            start=scope.trend_start,
            end=scope.end,
            grain="month",
            level="province",
            indicators=trend_ids,
        )
    months = Month.range(scope.start, scope.end)
    allowed = personal_data_units(codes, viewer)
    wants_people = scope.include_personal_data
    return Pack(
        scope=scope,
        made_on=made_on or date.today(),
        config=config,
        units=units,
        registry=facts.units,
        unit_types=facts.unit_types,
        summary=summary,
        previous=gathered.previous.with_columns(value=shown_value_expr()),
        province=province,
        by_unit=gathered.rows.with_columns(value=shown_value_expr()),
        trend=trend,
        province_trend=province_trend,
        ikm_elements=nrr_by_element(
            facts, units=codes, start=scope.start, end=scope.end, config=config
        ),
        ikm_elements_by_unit=_elements_by_unit(facts, codes, scope),
        reports=_reports(facts, codes, months, config),
        complaints=_complaints(facts, codes, months, config),
        tk_counts=tk_threshold_counts(facts, as_of=scope.end, units=codes, config=config),
        attention=gathered.numbers.attention,
        summary_text=paragraph,
        employees=_employees(facts, allowed, scope) if wants_people else None,
        early_warning=(
            early_warning(facts, units=allowed, as_of=scope.end, config=config)
            if wants_people and allowed
            else None
        ),
        withheld_units=tuple(c for c in codes if c not in allowed) if wants_people else (),
    )


def _units_in_scope(facts: Facts, scope: ExportScope) -> pl.DataFrame:
    """Registry rows in scope with the dashboard's short label (``PSTW Jombang``)."""
    units = facts.units
    if scope.units:
        units = units.filter(pl.col("code").is_in(list(scope.units)))
    if scope.types:
        units = units.filter(pl.col("type").is_in(list(scope.types)))
    labels = unit_labels(units)
    return units.select(
        "code",
        "name",
        "type",
        "city",
        label=pl.col("code").replace_strict(labels, return_dtype=pl.String),
    )


def _elements_by_unit(facts: Facts, codes: list[str], scope: ExportScope) -> pl.DataFrame:
    frames = [
        nrr_by_element(facts, units=[c], start=scope.start, end=scope.end).select(
            pl.lit(c).alias("unit_code"), "element", "nrr", "respondents"
        )
        for c in codes
    ]
    return pl.concat(frames)


def _reports(facts: Facts, codes: list[str], months: list[Month], config: Config) -> pl.DataFrame:
    """Expected unit-months that are missing or came after the deadline."""
    grid = report_grid(
        facts.submissions,
        codes,
        months,
        today=config.today_or_now(),
        deadline_day=config.report_deadline_day,
        timezone=config.timezone,
    )
    first = facts.submissions.group_by("unit_code", "period").agg(
        first_upload=pl.col("uploaded_at").min().dt.convert_time_zone(config.timezone).dt.date()
    )
    return (
        grid.filter(~pl.col("reported") | ~pl.col("on_time"))
        .join(first, on=["unit_code", "period"], how="left")
        .sort("unit_code", "period")
    )


def _complaints(
    facts: Facts, codes: list[str], months: list[Month], config: Config
) -> pl.DataFrame:
    """Complaints received in scope, newest state, with channel, category and summary."""
    states = complaint_list(
        facts.pengaduan,
        working_day_limit=config.complaint_working_days,
        holiday_categories=config.holiday_categories,
    )
    details = (
        facts.pengaduan.sort("period")
        .unique(["unit_code", "nomor"], keep="last")
        .select("unit_code", "nomor", "saluran", "kategori", "ringkasan", "status")
    )
    return (
        states.filter(
            pl.col("unit_code").is_in(codes),
            pl.col("period").is_between(months[0].first_day, months[-1].first_day),
        )
        .join(details, on=["unit_code", "nomor"], how="left")
        .sort("unit_code", "tanggal_masuk", "nomor")
    )


def _employees(facts: Facts, codes: list[str], scope: ExportScope) -> pl.DataFrame:
    """Per-employee attendance totals over the scope (personal data)."""
    late = pl.sum_horizontal(pl.col(f"tl{i}") for i in range(1, 5))
    early = pl.sum_horizontal(pl.col(f"psw{i}") for i in range(1, 5))
    return (
        facts.rows("kehadiran_pegawai", units=codes, start=scope.start, end=scope.end)
        .with_columns(terlambat=late, pulang_cepat=early)
        .group_by("unit_code", "nip", "nama", "status")
        .agg(
            pl.len().alias("bulan"),
            *(
                pl.col(c).sum()
                for c in (
                    "hari_kerja",
                    "hadir",
                    "dinas_luar",
                    "sakit",
                    "izin",
                    "cuti",
                    "tk",
                    "terlambat",
                    "pulang_cepat",
                    "apel_wajib",
                    "apel_hadir",
                )
            ),
        )
        .sort("unit_code", "nama")
    )
