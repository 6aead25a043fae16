"""Metrics of scripts/bench.py, one module per kind of measurement."""
