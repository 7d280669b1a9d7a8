"""Targets, bands, weights and deadlines from ``config/indicators.toml``.

The administrator edits the TOML file; :func:`load_config` reads and checks
it and returns a frozen :class:`Config`. Tests and callers can derive
variants with ``dataclasses.replace`` (e.g. a fixed ``today``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from types import MappingProxyType

from upt_dashboard import paths, settings
from upt_dashboard.indicators.catalogue import BY_ID, Direction, Method
from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.indicators.ikm import BANDS as IKM_BANDS

DEFAULT_PATH = paths.INDICATOR_CONFIG
IKM_WEIGHTS = {"exact": 1 / 9, "truncated": 0.111}


@dataclass(frozen=True)
class Bands:
    """Target and traffic-light thresholds of one indicator.

    For a higher/lower indicator ``green``/``yellow`` are single numbers;
    for a target-range indicator they are ``(min, max)`` pairs.
    """

    target: float | None = None
    target_min: float | None = None
    target_max: float | None = None
    green: float | tuple[float, float] | None = None
    yellow: float | tuple[float, float] | None = None


@dataclass(frozen=True)
class Component:
    """One component of a composite index: scored 0 at ``floor``, 100 at the target."""

    indicator_id: str
    weight: float
    floor: float


@dataclass(frozen=True)
class Step:
    """One step of a disciplinary ladder: reached at ``days`` days absent in a year."""

    days: int
    level: str  # ringan / sedang / berat
    sanction: str  # Bahasa Indonesia, as the regulation or the institution words it
    sanction_en: str = ""  # the same in English (the English page); empty: the Indonesian


# PP No. 94/2021 Art. 11-14 (PNS), cumulative TK in a calendar year.
PNS_LADDER: tuple[Step, ...] = (
    Step(3, "ringan", "teguran lisan", "oral warning"),
    Step(4, "ringan", "teguran tertulis", "written warning"),
    Step(
        7, "ringan", "pernyataan tidak puas secara tertulis", "written statement of dissatisfaction"
    ),
    Step(
        11,
        "sedang",
        "pemotongan tunjangan kinerja 25% selama 6 bulan",
        "performance allowance cut by 25% for 6 months",
    ),
    Step(
        14,
        "sedang",
        "pemotongan tunjangan kinerja 25% selama 9 bulan",
        "performance allowance cut by 25% for 9 months",
    ),
    Step(
        17,
        "sedang",
        "pemotongan tunjangan kinerja 25% selama 12 bulan",
        "performance allowance cut by 25% for 12 months",
    ),
    Step(
        21,
        "berat",
        "penurunan jabatan setingkat lebih rendah selama 12 bulan",
        "demotion by one grade for 12 months",
    ),
    Step(
        25,
        "berat",
        "pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan",
        "moved to an executor post for 12 months",
    ),
    Step(
        28,
        "berat",
        "pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS",
        "honourable dismissal, not at own request, as a civil servant (PNS)",
    ),
)
# PPPK (PP No. 49/2018 and its rules) and Non ASN (the institution's rules): the
# Dinas words these; the shipped config/indicators.toml holds the same defaults.
PPPK_LADDER: tuple[Step, ...] = (
    Step(3, "ringan", "teguran lisan (disiplin PPPK)", "oral warning (PPPK discipline)"),
    Step(4, "ringan", "teguran tertulis (disiplin PPPK)", "written warning (PPPK discipline)"),
    Step(
        7,
        "ringan",
        "pernyataan tidak puas secara tertulis (disiplin PPPK)",
        "written statement of dissatisfaction (PPPK discipline)",
    ),
    Step(
        11,
        "sedang",
        "hukuman disiplin sedang PPPK menurut PP 49/2018; tetapkan bersama BKD",
        "medium PPPK penalty under PP 49/2018; decide with the BKD",
    ),
    Step(
        21,
        "berat",
        "hukuman disiplin berat PPPK menurut PP 49/2018; tetapkan bersama BKD",
        "heavy PPPK penalty under PP 49/2018; decide with the BKD",
    ),
    Step(
        28,
        "berat",
        "usul pemutusan hubungan perjanjian kerja PPPK",
        "proposal to end the PPPK work agreement",
    ),
)
NON_ASN_LADDER: tuple[Step, ...] = (
    Step(3, "ringan", "teguran lisan Kepala UPT", "oral warning by the head of the unit"),
    Step(
        7,
        "ringan",
        "surat peringatan tertulis sesuai aturan lembaga",
        "written warning letter under the institution's rules",
    ),
    Step(
        11,
        "sedang",
        "evaluasi perjanjian kerja sesuai aturan lembaga",
        "review of the work agreement under the institution's rules",
    ),
)
DEFAULT_LADDERS: Mapping[str, tuple[Step, ...]] = MappingProxyType(
    {"PNS": PNS_LADDER, "PPPK": PPPK_LADDER, "Non ASN": NON_ASN_LADDER}
)


@dataclass(frozen=True)
class Config:
    report_deadline_day: int = 10
    complaint_working_days: int = 5
    holiday_categories: tuple[str, ...] = ("public", "government")
    ikm_weight: str = "exact"
    late_weights: tuple[float, float, float, float] = (1.0, 1.0, 1.0, 1.0)
    early_leave_weights: tuple[float, float, float, float] = (1.0, 1.0, 1.0, 1.0)
    anomaly_z: float = 3.5
    anomaly_min_history: int = 6
    anomaly_history_months: int = 36  # the history judged ends at the period's end
    anomaly_min_count_change: float = 3
    # Fewest complaints/incidents/people a value must rest on before it is judged.
    anomaly_min_base: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    anomaly_seasonal: tuple[str, ...] = ()  # leave-driven: not judged in Lebaran months
    # Smallest move worth a look, per indicator (else a default by unit: see anomalies.py).
    anomaly_min_change: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    anomaly_sampling_z: float = 3.0
    anomaly_trend_months: int = 12
    anomaly_trend_z: float = 3.0
    composite_min_weight: float = 0.6
    charging_units: tuple[str, ...] = ()  # units that charge fees: U4 < 4 is no signal there
    # PP 94/2021 elucidation of Art. 4: accumulated lateness and early departure, 7½ hours = 1 day.
    minutes_per_day: float = 450.0
    monthly_tk_flag: int = 10  # TK days in one month that the UPT head must check
    ladders: Mapping[str, tuple[Step, ...]] = field(default_factory=lambda: DEFAULT_LADDERS)
    timezone: str = "Asia/Jakarta"
    today: date | None = None  # None: the real date at computation time
    bands: Mapping[str, Bands] = field(default_factory=lambda: MappingProxyType({}))
    composites: Mapping[str, tuple[Component, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def band(self, indicator_id: str) -> Bands:
        return self.bands.get(indicator_id, Bands())

    def today_or_now(self) -> date:
        return self.today or date.today()

    @property
    def ikm_element_weight(self) -> float:
        return IKM_WEIGHTS[self.ikm_weight]


def load_config(path: str | Path | None = None) -> Config:
    """Read and check the indicator configuration.

    ``path`` None: ``$DASHBOARD_INDICATOR_CONFIG`` if set, else
    ``config/indicators.toml``. Raises :class:`IndicatorError` (message in
    Bahasa Indonesia) when the file is missing, is not valid TOML, or names
    an unknown indicator, a bad band or a bad weight.
    """
    path = Path(path) if path else settings.indicator_config_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IndicatorError(f"Berkas konfigurasi indikator {path} tidak ditemukan.") from None
    except tomllib.TOMLDecodeError as exc:
        raise IndicatorError(
            f"Berkas konfigurasi {path} tidak valid: {exc}. Perbaiki penulisannya."
        ) from None
    return config_from_dict(raw, source=str(path))


def config_from_dict(raw: Mapping, source: str = "konfigurasi") -> Config:
    """Build a :class:`Config` from the parsed TOML structure; see :func:`load_config`."""
    general = dict(raw.get("general", {}))
    config = Config(
        report_deadline_day=int(general.pop("report_deadline_day", 10)),
        complaint_working_days=int(general.pop("complaint_working_days", 5)),
        holiday_categories=tuple(general.pop("holiday_categories", ("public", "government"))),
        ikm_weight=str(general.pop("ikm_weight", "exact")),
        late_weights=_weights(general.pop("late_weights", [1.0] * 4), "late_weights", source),
        early_leave_weights=_weights(
            general.pop("early_leave_weights", [1.0] * 4), "early_leave_weights", source
        ),
        anomaly_z=float(general.pop("anomaly_z", 3.5)),
        anomaly_min_history=int(general.pop("anomaly_min_history", 6)),
        anomaly_history_months=int(general.pop("anomaly_history_months", 36)),
        anomaly_min_count_change=float(general.pop("anomaly_min_count_change", 3)),
        anomaly_min_base=MappingProxyType(_min_base(general.pop("anomaly_min_base", {}), source)),
        anomaly_seasonal=_known_ids(
            general.pop("anomaly_seasonal", []), "anomaly_seasonal", source
        ),
        anomaly_min_change=MappingProxyType(
            _min_base(general.pop("anomaly_min_change", {}), source, "anomaly_min_change")
        ),
        anomaly_sampling_z=float(general.pop("anomaly_sampling_z", 3.0)),
        anomaly_trend_months=int(general.pop("anomaly_trend_months", 12)),
        anomaly_trend_z=float(general.pop("anomaly_trend_z", 3.0)),
        composite_min_weight=float(general.pop("composite_min_weight", 0.6)),
        charging_units=tuple(str(u) for u in general.pop("charging_units", ())),
        minutes_per_day=float(raw.get("early_warning", {}).get("minutes_per_day", 450)),
        monthly_tk_flag=int(raw.get("early_warning", {}).get("monthly_tk_flag", 10)),
        ladders=_ladders(raw.get("early_warning", {}), source),
        bands=MappingProxyType(
            _with_ikm_grades(
                {k: _bands(k, v, source) for k, v in raw.get("indicators", {}).items()}
            )
        ),
        composites=MappingProxyType(
            {k: _components(k, v, source) for k, v in raw.get("composites", {}).items()}
        ),
    )
    if general:
        raise IndicatorError(
            f"{source}: pengaturan [general] tidak dikenal: {', '.join(sorted(general))}."
        )
    if not 1 <= config.report_deadline_day <= 28:
        raise IndicatorError(f"{source}: report_deadline_day harus 1-28.")
    if config.complaint_working_days < 0:
        raise IndicatorError(f"{source}: complaint_working_days tidak boleh negatif.")
    if config.anomaly_trend_months < 4:
        raise IndicatorError(f"{source}: anomaly_trend_months paling sedikit 4.")
    if not 0 < config.composite_min_weight <= 1:
        raise IndicatorError(f"{source}: composite_min_weight harus di atas 0 dan paling besar 1.")
    if config.ikm_weight not in IKM_WEIGHTS:
        raise IndicatorError(f'{source}: ikm_weight harus "exact" atau "truncated".')
    unknown_categories = set(config.holiday_categories) - {"public", "government"}
    if unknown_categories:
        raise IndicatorError(
            f'{source}: holiday_categories hanya boleh "public" dan '
            f'"government", bukan {sorted(unknown_categories)}.'
        )
    for composite_id in config.composites:
        if composite_id not in BY_ID or BY_ID[composite_id].method is not Method.COMPOSITE:
            raise IndicatorError(f"{source}: [composites.{composite_id}] bukan indeks komposit.")
        if config.band(composite_id).target is None:
            raise IndicatorError(f"{source}: indeks {composite_id} perlu target.")
        for c in config.composites[composite_id]:
            target = config.band(c.indicator_id).target
            if target is None or target == c.floor:
                raise IndicatorError(
                    f"{source}: komponen {c.indicator_id} dari {composite_id} "
                    "perlu target yang berbeda dari floor."
                )
    return config


def _min_base(raw: Mapping, source: str, name: str = "anomaly_min_base") -> dict[str, float]:
    for indicator_id, value in raw.items():
        if indicator_id not in BY_ID or float(value) < 0:
            raise IndicatorError(
                f"{source}: {name}: {indicator_id} = {value} tidak valid "
                "(indikator yang dikenal, angka ≥ 0)."
            )
    return {k: float(v) for k, v in raw.items()}


def _known_ids(raw, name: str, source: str) -> tuple[str, ...]:
    unknown = [i for i in raw if i not in BY_ID]
    if unknown:
        raise IndicatorError(f"{source}: {name}: indikator tidak dikenal: {', '.join(unknown)}.")
    return tuple(raw)


def _ladders(raw: Mapping, source: str) -> Mapping[str, tuple[Step, ...]]:
    """``[early_warning.ladders.<status>]``: lists of {days, level, sanction}, else the defaults."""
    unknown = set(raw) - {"minutes_per_day", "monthly_tk_flag", "ladders"}
    if unknown:
        raise IndicatorError(
            f"{source}: pengaturan [early_warning] tidak dikenal: {', '.join(sorted(unknown))}."
        )
    if float(raw.get("minutes_per_day", 450)) <= 0 or int(raw.get("monthly_tk_flag", 10)) < 1:
        raise IndicatorError(
            f"{source}: minutes_per_day harus positif dan monthly_tk_flag paling kecil 1."
        )
    ladders = dict(DEFAULT_LADDERS)
    for status, steps in raw.get("ladders", {}).items():
        if status not in DEFAULT_LADDERS:
            raise IndicatorError(
                f"{source}: status pegawai '{status}' tidak dikenal; pilih "
                f"{', '.join(DEFAULT_LADDERS)}."
            )
        try:
            parsed = tuple(
                Step(
                    int(s["days"]),
                    str(s["level"]),
                    str(s["sanction"]),
                    str(s.get("sanction_en", "")),
                )
                for s in steps
            )
        except (KeyError, TypeError, ValueError):
            raise IndicatorError(
                f"{source}: setiap anak tangga {status} perlu days, level dan sanction."
            ) from None
        days = [s.days for s in parsed]
        if not parsed or days != sorted(set(days)) or days[0] < 1:
            raise IndicatorError(
                f"{source}: hari pada tangga {status} harus naik, tanpa ganda, mulai dari 1."
            )
        if status != "PNS" and any("PNS" in s.sanction for s in parsed):
            raise IndicatorError(
                f"{source}: tangga {status} tidak boleh memakai rumusan untuk PNS."
            )
        ladders[status] = parsed
    return MappingProxyType(ladders)


def _with_ikm_grades(bands: dict[str, Bands]) -> dict[str, Bands]:
    """IKM's colours follow its PermenPAN-RB grade: green from B (76,61), yellow C (65,00).

    The configured target (grade A, 88,31) is kept and shown; the status of
    A and B is good, C a warning, D needs attention.
    """
    ikm = bands.get("ikm", Bands())
    low_b, low_c = (low for low, letter, _ in IKM_BANDS if letter in ("B", "C"))
    return {**bands, "ikm": replace(ikm, green=low_b, yellow=low_c)}


def _weights(values, name: str, source: str) -> tuple[float, float, float, float]:
    if len(values) != 4 or any(not 0 <= float(v) <= 1 for v in values):
        raise IndicatorError(f"{source}: {name} harus berisi 4 bobot antara 0 dan 1.")
    return tuple(float(v) for v in values)  # type: ignore[return-value]


def _bands(indicator_id: str, raw: Mapping, source: str) -> Bands:
    if indicator_id not in BY_ID:
        raise IndicatorError(f"{source}: indikator [indicators.{indicator_id}] tidak dikenal.")
    direction = BY_ID[indicator_id].direction
    ranged = direction is Direction.TARGET_RANGE

    def threshold(key: str):
        value = raw.get(key)
        if value is None:
            return None
        if ranged != isinstance(value, list) or (ranged and len(value) != 2):
            shape = "[min, max]" if ranged else "satu angka"
            raise IndicatorError(f"{source}: {key} untuk {indicator_id} harus {shape}.")
        return (float(value[0]), float(value[1])) if ranged else float(value)

    if indicator_id == "ikm" and ({"green", "yellow"} & set(raw)):
        raise IndicatorError(
            f"{source}: warna IKM mengikuti mutu pelayanan PermenPAN-RB 14/2017 (A dan B baik, "
            "C kuning, D merah); hapus green/yellow dari [indicators.ikm]."
        )
    unknown = set(raw) - {"target", "target_min", "target_max", "green", "yellow"}
    if unknown:
        raise IndicatorError(
            f"{source}: kunci tidak dikenal untuk {indicator_id}: {', '.join(sorted(unknown))}."
        )
    bands = Bands(
        target=_opt_float(raw.get("target")),
        target_min=_opt_float(raw.get("target_min")),
        target_max=_opt_float(raw.get("target_max")),
        green=threshold("green"),
        yellow=threshold("yellow"),
    )
    if (bands.green is None) != (bands.yellow is None):
        raise IndicatorError(f"{source}: {indicator_id} perlu green dan yellow sekaligus.")
    if direction is Direction.NEUTRAL and bands.green is not None:
        raise IndicatorError(f"{source}: {indicator_id} netral dan tidak diberi warna.")
    return bands


def _components(composite_id: str, raw: Mapping, source: str) -> tuple[Component, ...]:
    components = []
    for indicator_id, spec in raw.get("components", {}).items():
        indicator = BY_ID.get(indicator_id)
        if indicator is None or indicator.method is Method.COMPOSITE:
            raise IndicatorError(
                f"{source}: komponen {indicator_id} dari {composite_id} "
                "bukan indikator yang dikenal."
            )
        if indicator.direction in (Direction.NEUTRAL, Direction.TARGET_RANGE):
            raise IndicatorError(
                f"{source}: {indicator_id} tidak bisa menjadi komponen "
                "(tidak punya arah lebih tinggi/lebih rendah)."
            )
        weight = float(spec["weight"])
        if weight < 0:
            raise IndicatorError(f"{source}: bobot {indicator_id} tidak boleh negatif.")
        components.append(Component(indicator_id, weight, float(spec["floor"])))
    if not components:
        raise IndicatorError(f"{source}: {composite_id} tidak punya komponen.")
    return tuple(components)


def _opt_float(value) -> float | None:
    return None if value is None else float(value)
