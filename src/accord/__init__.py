"""Accord: the follow-through system for intergovernmental commissions."""

__version__ = "0.1.0"
