"""What the survey answers say beyond the IKM: NRR per element, the U4 signal, the IKM's error.

All three come from the per-unit-month sums of the answers (Σ of each
element, Σ and Σ² of each respondent's mean score, how many answered U4
below 4 and the lowest U4) that :mod:`~indicators.sums` keeps with the
facts and stores with every report — never from the answers themselves,
which run to millions of rows at national scale. Pooling is Σ ÷ Σ over the
unit-months in scope.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from data_loaders.schema import UNSUR_IKM
from upt_dashboard.indicators.config import Config, load_config
from upt_dashboard.indicators.ikm import ELEMENTS
from upt_dashboard.indicators.sums import col, fact_sums
from upt_dashboard.months import Month
from upt_dashboard.storage.facts import Facts, narrow

U4_SIGNAL_SCHEMA = pl.Schema(
    {
        "unit_code": pl.String(),
        "period": pl.Date(),
        "respondents": pl.Int64(),
        "below_four": pl.Int64(),
        "lowest": pl.Int64(),
    }
)


def _survey_parts(
    facts: Facts,
    config: Config | None,
    units: Sequence[str] | None,
    start: Month | None,
    end: Month | None,
) -> pl.DataFrame:
    """The unit-months in scope that have survey answers, with their sums."""
    parts = narrow(fact_sums(facts, config or load_config()).parts, units, start, end)
    return parts.filter(pl.col(col("ikm", "respondents")) > 0)


def nrr_by_element(
    facts: Facts,
    *,
    units: Sequence[str] | None = None,
    start: Month | None = None,
    end: Month | None = None,
    config: Config | None = None,
) -> pl.DataFrame:
    """NRR of each element over the respondents in scope, pooled.

    ``units`` (codes) and ``start``/``end`` (months, inclusive) narrow the
    scope. Returns columns ``element`` (u1..u9), ``name`` (the element's
    name), ``nrr`` (null when there are no respondents), ``respondents``,
    ``rank`` (1 = weakest).
    """
    parts = _survey_parts(facts, config, units, start, end)
    respondents = int(parts[col("ikm", "respondents")].sum())
    nrr = [parts[col("ikm", e)].sum() / respondents if respondents else None for e in ELEMENTS]
    return pl.DataFrame(
        {
            "element": list(ELEMENTS),
            "name": list(UNSUR_IKM),
            "nrr": nrr,
            "respondents": [respondents] * 9,
        },
        schema_overrides={"nrr": pl.Float64, "respondents": pl.Int64},
    ).with_columns(rank=pl.col("nrr").rank("ordinal").cast(pl.Int64))


def u4_signals(
    facts: Facts,
    *,
    units: Sequence[str] | None = None,
    charging_units: Sequence[str] = (),
    start: Month | None = None,
    end: Month | None = None,
    config: Config | None = None,
) -> pl.DataFrame:
    """Unit-months with a U4 (Biaya/Tarif) answer below 4 in a unit that charges nothing.

    In the standard questionnaire 4 on U4 means the service was free; in a
    home that charges nothing a lower answer says the respondent paid —
    possibly an illegal levy. An integrity signal for the Dinas to check,
    not a verdict. ``units`` narrows the scope, ``charging_units``
    (configuration) are left out; ``start``/``end`` months inclusive. Out:
    :data:`U4_SIGNAL_SCHEMA`, one row per flagged unit-month (``below_four``
    of ``respondents``, ``lowest`` score), by unit and month.
    """
    parts = _survey_parts(facts, config, units, start, end)
    return (
        parts.filter(
            ~pl.col("unit_code").is_in(list(charging_units)),
            pl.col(col("survey", "u4_below")) > 0,
        )
        .select(
            "unit_code",
            "period",
            respondents=col("ikm", "respondents"),
            below_four=col("survey", "u4_below"),
            lowest=col("survey", "u4_min"),
        )
        .sort("unit_code", "period")
        .cast(dict(U4_SIGNAL_SCHEMA))
    )


def ikm_standard_errors(
    facts: Facts,
    *,
    units: Sequence[str] | None = None,
    start: Month | None = None,
    end: Month | None = None,
    config: Config | None = None,
) -> pl.DataFrame:
    """Standard error of each unit-month's IKM, from the spread of its respondents.

    With the exact weights the IKM is 25 × the mean over respondents of each
    respondent's mean score over U1–U9, so its standard error is
    25 × sd(respondent means) ÷ √n, the sd from Σ and Σ² of those means. A
    unit-month with one respondent has none. Out: ``unit_code,
    period_start, ikm_se`` (the anomaly flags' sampling input).
    """
    parts = _survey_parts(facts, config, units, start, end)
    n = pl.col(col("ikm", "respondents")).cast(pl.Float64)
    total, squares = pl.col(col("survey", "score_sum")), pl.col(col("survey", "score_sq"))
    variance = ((squares - total * total / n) / (n - 1)).clip(lower_bound=0)
    return parts.select(
        "unit_code",
        period_start="period",
        ikm_se=pl.when(n > 1).then(25 * variance.sqrt() / n.sqrt()),
    ).sort("unit_code", "period_start")
