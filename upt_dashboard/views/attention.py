"""What needs a leader's attention: one row per unit, most severe first, reasons in plain words.

Two steps. :func:`attention_signals` lists every signal the sources give
(a red indicator, a missing or late report, an anomaly, a U4 integrity
signal, a PP 94/2021 threshold crossing, overdue complaints, a short IKM
sample), one per unit, period and matter. :func:`unit_attention` merges
them into what Ringkasan, the deck, the workbook and the PDF show: per
unit one reason per *matter* — a red indicator and an anomaly of the same
indicator are one reason; a late report and the red report timeliness it
causes are one reason; overdue complaints and a red resolution rate are
one reason — each with its counts and the threshold crossed, and the
unit's severity (the worst of its reasons).

Texts follow the interface language (``views.i18n``); exports build them
inside ``speaking("id")``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import polars as pl

from upt_dashboard.indicators.catalogue import BY_ID, Direction
from upt_dashboard.indicators.config import Config
from upt_dashboard.indicators.status import KUNING, MERAH
from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import language, speaking, t, t_count
from upt_dashboard.views.names import indicator_name, red_rule, status_label

# What a signal that is not an indicator is about, as the sample's stories.csv names it.
SIGNALS = {
    "missing": "kelengkapan_laporan",
    "late": "ketepatan_laporan",
    "integrity": "integritas_u4",
    "early_warning": "peringatan_dini",
    "backlog": "tunggakan_pengaduan",
    "sample": "ikm_sampel",
}
# Signals about one matter become one reason; the order is the order reasons are read.
MATTERS: dict[str, tuple[str, ...]] = {
    "reports": ("kelengkapan_laporan", "ketepatan_laporan"),
    "complaints": (
        "tunggakan_pengaduan",
        "penyelesaian_pengaduan",
        "pengaduan_tepat_waktu",
        "waktu_penyelesaian_pengaduan",
    ),
    "integrity": ("integritas_u4",),
    "ikm": ("ikm", "ikm_sampel"),
    "attendance": ("peringatan_dini", "kehadiran", "tanpa_keterangan"),
    "social_media": ("insiden_medsos", "tindak_lanjut_insiden"),
}
_MATTER_OF = {indicator: matter for matter, ids in MATTERS.items() for indicator in ids}
_MATTER_ORDER = {matter: i for i, matter in enumerate(MATTERS)}
# Within a matter: what happened before how it shows in the numbers.
_KIND_ORDER = (
    "missing",
    "late",
    "backlog",
    "integrity",
    "early_warning",
    "red",
    "sample",
    "anomaly",
)
SEVERITIES = (MERAH, KUNING)


@dataclass(frozen=True)
class Signal:
    """One thing a source flagged: ``kind`` (see ``_KIND_ORDER``), the unit, the month or
    period it belongs to, what it is about (an indicator id or a :data:`SIGNALS` name) and
    the source row it came from."""

    kind: str
    unit_code: str
    period: date
    indicator: str
    data: Mapping

    @property
    def severity(self) -> str:
        if self.kind in ("missing", "red", "integrity", "backlog"):
            return MERAH
        if self.kind == "early_warning" and self.data.get("flagged"):
            return MERAH  # ten or more days absent in one month: the UPT head must check
        return KUNING


@dataclass(frozen=True)
class Reason:
    """One matter of one unit, in plain words with its counts and threshold.

    The words are made when first read, in the language the reason was made
    in: at national scale a thousand units have reasons, and a page shows
    sixty of them (the CSV of every one is made at its click).
    """

    matter: str
    severity: str  # "merah" (needs attention) or "kuning" (watch)
    signals: tuple[Signal, ...]
    config: Config = field(repr=False)  # its rules are in the words
    several: bool = False  # the period holds several months: signals say which
    lang: str = "id"

    @cached_property
    def _words(self) -> list[Part]:
        with speaking(self.lang):
            return _worded(self.matter, list(self.signals), self.config, self.several)

    @property
    def text(self) -> str:
        """Every part with its threshold: "2 pengaduan lewat jatuh tempo, … (jatuh tempo …)"."""
        return "; ".join(f"{words} ({rule})" if rule else words for words, rule in self._words)

    @property
    def headline(self) -> str:
        """The first part without its threshold, for a sentence of the summary."""
        return self._words[0][0]


@dataclass(frozen=True)
class UnitAttention:
    """A unit that needs attention: its severity (the worst reason) and its reasons."""

    unit_code: str
    label: str
    severity: str
    reasons: tuple[Reason, ...]

    @property
    def urgent(self) -> int:
        return sum(r.severity == MERAH for r in self.reasons)


def attention_signals(
    rows: pl.DataFrame,
    calendar: pl.DataFrame,
    anomalies: pl.DataFrame,
    ids: Sequence[str],
    *,
    integrity: pl.DataFrame | None = None,
    crossings: pl.DataFrame | None = None,
    backlog: pl.DataFrame | None = None,
) -> list[Signal]:
    """Every signal of the sources, unmerged.

    In: unit-level ``compute`` rows (red statuses among ``ids``; IKM rows
    with fewer respondents than the Krejcie–Morgan table asks); the report
    calendar (``missing``/``late`` states; ``views.completeness``); the
    anomaly flags; and, when given, the U4 integrity signals
    (``ikm.u4_signals``), the PP 94/2021 crossings
    (``early_warning.threshold_crossings``: counts only, never names) and
    the overdue backlog counts (``complaints.backlog_counts``).
    """
    found: list[Signal] = []
    wanted = list(ids)
    for r in rows.filter(pl.col("indicator_id").is_in(wanted), pl.col("status") == MERAH).iter_rows(
        named=True
    ):
        found.append(Signal("red", r["unit_code"], r["period_start"], r["indicator_id"], r))
    short = rows.filter(
        pl.col("indicator_id") == "ikm",
        pl.col("sample_required").is_not_null(),
        pl.col("n") < pl.col("sample_required"),
    )
    for r in short.iter_rows(named=True):
        found.append(Signal("sample", r["unit_code"], r["period_start"], SIGNALS["sample"], r))
    for r in calendar.filter(pl.col("state").is_in(["missing", "late"])).iter_rows(named=True):
        found.append(Signal(r["state"], r["unit_code"], r["period"], SIGNALS[r["state"]], r))
    for r in anomalies.iter_rows(named=True):
        found.append(Signal("anomaly", r["unit_code"], r["period_start"], r["indicator_id"], r))
    for kind, frame in (
        ("integrity", integrity),
        ("early_warning", crossings),
        ("backlog", backlog),
    ):
        for r in (frame if frame is not None else pl.DataFrame()).iter_rows(named=True):
            found.append(Signal(kind, r["unit_code"], r["period"], SIGNALS[kind], r))
    return found


def unit_attention(
    signals: Iterable[Signal],
    labels: Mapping[str, str],
    config: Config,
    *,
    several_months: bool = False,
) -> list[UnitAttention]:
    """The signals merged per unit and matter, most severe unit first.

    ``several_months``: the period holds more than one month, so signals
    of one month say which. Units are ordered by severity, then by how
    many urgent (red) reasons they have, then by how many reasons, then by
    name; a unit's reasons red first, then in :data:`MATTERS` order.
    """
    by_unit: dict[str, dict[str, list[Signal]]] = {}
    for signal in signals:
        matter = _MATTER_OF.get(signal.indicator, signal.indicator)
        by_unit.setdefault(signal.unit_code, {}).setdefault(matter, []).append(signal)
    result = []
    for code, matters in by_unit.items():
        reasons = [
            _reason(matter, found, config, several_months) for matter, found in matters.items()
        ]
        reasons.sort(key=lambda r: (SEVERITIES.index(r.severity), _matter_rank(r.matter)))
        severity = min((r.severity for r in reasons), key=SEVERITIES.index)
        result.append(UnitAttention(code, labels.get(code, code), severity, tuple(reasons)))
    result.sort(key=lambda u: (SEVERITIES.index(u.severity), -u.urgent, -len(u.reasons), u.label))
    return result


def attention_frame(units: Sequence[UnitAttention]) -> pl.DataFrame:
    """The list as a table (CSV download, workbook): unit, status, reasons (one per line)."""
    headers = [t("col.unit"), t("col.status"), t("col.reasons")]
    return pl.DataFrame(
        [(u.label, status_label(u.severity), "\n".join(r.text for r in u.reasons)) for u in units],
        schema={h: pl.String for h in headers},
        orient="row",
    )


def severity_counts(units: Sequence[UnitAttention]) -> dict[str, int]:
    """Units per severity: ``{"merah": 2, "kuning": 3}``."""
    return {s: sum(u.severity == s for u in units) for s in SEVERITIES}


# --- one reason from the signals of one matter -------------------------------------


def _matter_rank(matter: str) -> int:
    return _MATTER_ORDER.get(matter, len(_MATTER_ORDER))


def _reason(matter: str, found: list[Signal], config: Config, several: bool) -> Reason:
    found = sorted(found, key=lambda s: (_KIND_ORDER.index(s.kind), s.period, s.indicator))
    kinds = {s.kind for s in found}
    if matter == "reports" and kinds & {"missing", "late"}:
        # A late or missing report IS the red timeliness/completeness (and its anomaly).
        found = [s for s in found if s.kind in ("missing", "late")]
    severity = min((s.severity for s in found), key=SEVERITIES.index)
    return Reason(matter, severity, tuple(found), config, several, language())


def _worded(matter: str, found: list[Signal], config: Config, several: bool) -> list[Part]:
    """The parts of a reason's words: (what happened, the rule it is judged by)."""
    parts = _report_parts(found)
    red = {s.indicator for s in found if s.kind == "red"}
    for group in _groups(found):
        first = group[-1]
        for words, rule in _parts(first, config, with_name=first.indicator not in red):
            if several and first.kind not in ("red", "sample", "backlog"):
                when = ", ".join(fmt.month_short(s.period) for s in group)
                rule = f"{when}; {rule}" if rule else when
            if (words, rule) not in parts:
                parts.append((words, rule))
    return parts


Part = tuple[str, str]  # (what happened, the rule or threshold it is judged by; may be "")
_SUMMED = {"integrity": ("below_four", "respondents"), "early_warning": ("crossed", "flagged")}


def _groups(found: list[Signal]) -> list[list[Signal]]:
    """The signals to word, months of one kind together (reports are worded apart).

    Integrity signals and threshold crossings of several months become one
    signal with the counts summed; an anomaly flagged in several months of
    the period is worded once, with its newest values.
    """
    groups: dict[tuple, list[Signal]] = {}
    for signal in found:
        if signal.kind in ("missing", "late"):
            continue
        key = (signal.kind, signal.indicator, signal.data.get("kind"))
        groups.setdefault(key, []).append(signal)
    result = []
    for (kind, _, _), group in groups.items():
        group.sort(key=lambda s: s.period)
        if kind in _SUMMED and len(group) > 1:
            totals = {f: sum(s.data.get(f) or 0 for s in group) for f in _SUMMED[kind]}
            last = group[-1]
            group = [*group[:-1], Signal(kind, last.unit_code, last.period, last.indicator, {
                **last.data, **totals})]  # fmt: skip
        result.append(group)
    return result


def _report_parts(found: list[Signal]) -> list[Part]:
    """``laporan Oktober 2026 belum masuk`` with ``tenggat 10 November 2026``, per state."""
    parts = []
    for state in ("missing", "late"):
        rows = [s.data for s in found if s.kind == state]
        if not rows:
            continue
        months = ", ".join(fmt.period_label(r["period"]) for r in rows)
        words = t(f"attention.reason.{state}", months=months)
        if len(rows) == 1:
            rule = t("attention.rule.deadline", deadline=fmt.day(rows[0]["deadline"]))
        else:
            rule = t("attention.rule.deadline_day", day=rows[0]["deadline"].day)
        parts.append((words, rule))
    return parts


def _parts(signal: Signal, config: Config, *, with_name: bool) -> list[Part]:
    r = signal.data
    if signal.kind == "red":
        return [_red(r, config)]
    if signal.kind == "anomaly":
        ind = BY_ID[r["indicator_id"]]
        median = fmt.value(r["median"], ind.unit.value, ind.decimals)
        return [
            (_anomaly(r, config, with_name=with_name), t("attention.rule.median", median=median))
        ]
    if signal.kind == "sample":
        words = t(
            "attention.reason.sample",
            n=fmt.number(r["n"]),
            required=fmt.number(r["sample_required"]),
        )
        return [(words, "Krejcie–Morgan")]
    if signal.kind == "integrity":
        words = t(
            "attention.reason.integrity",
            below=fmt.number(r["below_four"]),
            n=fmt.number(r["respondents"]),
        )
        return [(words, t("attention.rule.integrity"))]
    if signal.kind == "backlog":
        words = t_count(
            "attention.reason.backlog",
            r["overdue"],
            n=fmt.number(r["overdue"]),
            age=fmt.number(r["oldest_working_days"]),
        )
        return [(words, t("attention.rule.backlog", days=config.complaint_working_days))]
    if signal.kind == "early_warning":
        parts = []
        if r.get("crossed"):
            words = t_count("attention.reason.crossed", r["crossed"], n=fmt.number(r["crossed"]))
            parts.append((words, "PP 94/2021"))
        if r.get("flagged"):
            words = t_count(
                "attention.reason.flagged",
                r["flagged"],
                n=fmt.number(r["flagged"]),
                days=config.monthly_tk_flag,
            )
            parts.append((words, t("attention.rule.flagged")))
        return parts
    raise ValueError(f"unknown signal kind {signal.kind!r}")


def _red(row: Mapping, config: Config) -> Part:
    """``Kehadiran Pegawai 97,2%`` with ``perlu perhatian di bawah 99,0%``."""
    ind = BY_ID[row["indicator_id"]]
    value = fmt.value(row["value"], ind.unit.value, ind.decimals)
    if row.get("grade"):
        value = t("attention.reason.grade", value=value, grade=row["grade"])
    words = t("attention.reason.red", indicator=indicator_name(ind), value=value)
    return words, red_rule(ind, config.band(ind.id))


def _anomaly(row: Mapping, config: Config, *, with_name: bool) -> str:
    """A flagged value in a few words; beside the red value of the same indicator only the
    words (``juga jauh lebih buruk dari biasanya``)."""
    ind = BY_ID[row["indicator_id"]]

    def shown(v: float | None) -> str:
        return fmt.value(v, ind.unit.value, ind.decimals)

    if row.get("kind") == "trend":
        key = "attention.reason.trend"
    else:
        worse = (row["value"] < row["median"]) == (ind.direction is not Direction.LOWER)
        key = "attention.reason.outlier_worse" if worse else "attention.reason.outlier_better"
    tail = t(key, months=config.anomaly_trend_months)
    if not with_name:
        return t("attention.reason.also", tail=tail)
    return f"{indicator_name(ind)} {shown(row['value'])} {tail}"
