"""The ``dyadwatch`` command line: commands, terminal tables, worker, demo, replays, child
processes."""
