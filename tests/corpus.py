"""Sentence templates shared by the integration tests and the soak benchmark (``bench/soak.py``).

Each names two countries (``{a}``, ``{b}``) and codes one event: conflict or cooperation,
verbal or material. Integration tests never import ``bench/``; the benchmark reads these here.
"""

from __future__ import annotations

__all__ = ["TEMPLATES"]

TEMPLATES = [
    "{a} condemned {b} over the missile test.",
    "{a} and {b} signed a trade agreement on Tuesday.",
    "{a} accused {b} of violating the ceasefire.",
    "{a} rejected {b}'s demand for compensation.",
    "{a} expelled the ambassador of {b}.",
    "{a} praised {b} for its help after the earthquake.",
]
