"""Exports for meetings: the slide deck, the Excel summary and the chart images.

Plain Python (no Streamlit): ``pack`` computes the numbers once through the
indicator engine; ``deck``, ``workbook`` and ``images`` lay them out.
"""
