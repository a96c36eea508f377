"""Kafka I/O: client settings, topics, publisher, consumer, event sender, codec, transport and
the embedded broker."""
