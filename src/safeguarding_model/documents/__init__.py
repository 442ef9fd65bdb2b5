"""Builders that turn a model into documents: summaries, and (later) document trees."""

from .summary import chair_text, summary

__all__ = ["chair_text", "summary"]
