"""Indicator engine: plain polars, no Streamlit.

Public API re-exported here; each concern lives in its own module.
"""

from upt_dashboard.indicators.anomalies import flag_anomalies
from upt_dashboard.indicators.catalogue import BY_ID, INDICATORS, Indicator, get
from upt_dashboard.indicators.composite import composite_breakdown, composite_formula
from upt_dashboard.indicators.config import Config, load_config
from upt_dashboard.indicators.early_warning import early_warning, tk_threshold_counts
from upt_dashboard.indicators.engine import compute, compute_all
from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.indicators.ikm import grade, ikm_from_nrr, required_sample, sample_check
from upt_dashboard.indicators.survey import nrr_by_element

__all__ = [
    "BY_ID",
    "INDICATORS",
    "Config",
    "Indicator",
    "IndicatorError",
    "composite_breakdown",
    "composite_formula",
    "compute",
    "compute_all",
    "early_warning",
    "flag_anomalies",
    "get",
    "grade",
    "ikm_from_nrr",
    "load_config",
    "nrr_by_element",
    "required_sample",
    "sample_check",
    "tk_threshold_counts",
]
