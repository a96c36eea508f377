"""The dyadwatch event coder: news article -> bilateral CAMEO relation events with evidence.

Pure Python (pyahocorasick + sentencex); no broker or stream-framework imports here.
"""

from __future__ import annotations

from agents.coder.coder import CODER_VERSION, Coder, default_coder

__all__ = ["CODER_VERSION", "Coder", "default_coder"]
