"""Indicator engine: plain polars, no Streamlit.

Public API re-exported here; each concern lives in its own module.
"""

from indicators.anomalies import flag_anomalies
from indicators.catalogue import BY_ID, INDICATORS, Indicator, get
from indicators.composite import composite_breakdown, composite_formula
from indicators.config import Config, load_config
from indicators.early_warning import early_warning, tk_threshold_counts
from indicators.engine import compute, compute_all
from indicators.errors import IndicatorError
from indicators.ikm import grade, ikm_from_nrr, nrr_by_element, required_sample, sample_check

__all__ = [
    "BY_ID", "INDICATORS", "Config", "Indicator", "IndicatorError", "compute", "compute_all",
    "composite_breakdown", "composite_formula", "early_warning", "flag_anomalies", "get",
    "grade", "ikm_from_nrr", "load_config", "nrr_by_element", "required_sample",
    "sample_check", "tk_threshold_counts",
]
