"""The extraction agents: the pure coder (``coder/``), the pipeline steps, dead letters and
the Faust agent that codes articles (handed its topics and sender). Imports only ``schemas``."""
