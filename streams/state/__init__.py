"""Pair state: the pure fold (aggregate, ledger, history, alerts, decay, policy) beside its
table wiring (``tables``, ``aggregation``)."""
