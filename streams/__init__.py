"""The streaming side: the Faust app, Kafka I/O (``kafka/``), pair state (``state/``), the
web (``web/``) and the command line (``cli/``). Imports ``agents`` and ``schemas``, never the
reverse (README, "Architecture")."""
