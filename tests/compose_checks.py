"""The checks of docker-compose.yml and the Dockerfile (``tests/unit/test_compose.py``).

``check_compose`` and ``check_dockerfile`` raise ``ConfigProblem`` listing every problem.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from schemas import jsonbytes
from streams.settings import Settings
from tests.compose_read import (
    DOCKERFILE,
    KAFKA_MIN_SESSION_TIMEOUT_MS,
    ROOT,
    SETTING_NAME,
    TOPICS,
    WORKER,
    ConfigProblem,
    condition,
    host_port,
    parse_listeners,
    published_ports,
    service_env,
    settings_from_env,
    strings_in,
    topic_specs_of,
    volume_mounts,
)

# --- the checks ---------------------------------------------------------------------------

def _check_broker(doc: dict[str, Any], broker: dict[str, Any], problems: list[str]) -> None:
    image = str(broker.get("image", ""))
    if not re.fullmatch(r"apache/kafka:(3\.9\.\d+|4\.\d+\.\d+)", image):
        problems.append(f"broker image {image!r} is not a pinned apache/kafka 3.9.x or 4.x tag")
    env = service_env(broker)
    names = {"broker", str(broker.get("hostname", "broker"))}

    roles = {role.strip() for role in env.get("KAFKA_PROCESS_ROLES", "").split(",")}
    if roles != {"broker", "controller"}:
        problems.append(f"KAFKA_PROCESS_ROLES is {roles}, KRaft combined mode needs "
                        "broker,controller")
    for key in ("KAFKA_NODE_ID", "CLUSTER_ID", "KAFKA_INTER_BROKER_LISTENER_NAME",
                "KAFKA_CONTROLLER_LISTENER_NAMES", "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"):
        if not env.get(key):
            problems.append(f"broker: {key} is not set")
    if env.get("CLUSTER_ID") and not re.fullmatch(r"[A-Za-z0-9_-]{22}", env["CLUSTER_ID"]):
        problems.append("broker: CLUSTER_ID is not a 22-character base64 UUID")
    for key in ("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"):
        if env.get(key) != "1":
            problems.append(f"broker: {key} must be 1 with a single broker")

    listeners = parse_listeners(env.get("KAFKA_LISTENERS", ""))
    advertised = parse_listeners(env.get("KAFKA_ADVERTISED_LISTENERS", ""))
    protocols = dict(item.split(":", 1) for item in
                     env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "").split(",") if ":" in item)
    controllers = {name.strip() for name in env.get("KAFKA_CONTROLLER_LISTENER_NAMES", "").split(",")}
    for name in listeners.keys() - protocols.keys():
        problems.append(f"broker: listener {name} has no security protocol in the map")
    for name in advertised:
        if name not in listeners:
            problems.append(f"broker: advertised listener {name} is not in KAFKA_LISTENERS")
        elif name in controllers:
            problems.append(f"broker: controller listener {name} must not be advertised")
    if env.get("KAFKA_INTER_BROKER_LISTENER_NAME") not in advertised:
        problems.append("broker: the inter-broker listener is not advertised")
    if not controllers or not controllers <= listeners.keys():
        problems.append(f"broker: controller listeners {controllers} not all in KAFKA_LISTENERS")
    controller_ports = {listeners[name][1] for name in controllers & listeners.keys()}
    voters = [v.strip() for v in env.get("KAFKA_CONTROLLER_QUORUM_VOTERS", "").split(",") if v]
    if len(voters) != 1:
        problems.append("broker: KAFKA_CONTROLLER_QUORUM_VOTERS must list the one node")
    for voter in voters:
        node, _, address = voter.partition("@")
        host, port = host_port(address)
        if node != env.get("KAFKA_NODE_ID") or host not in names or port not in controller_ports:
            problems.append(f"broker: quorum voter {voter!r} is not this node's controller "
                            f"listener (node {env.get('KAFKA_NODE_ID')}, ports {controller_ports})")

    # Clients on the host: an advertised localhost listener needs its port published.
    published = set(published_ports(broker))
    for name, (host, port) in advertised.items():
        local = host in ("localhost", "127.0.0.1") and name in listeners
        if local and (str(port), str(listeners[name][1])) not in published:
            problems.append(f"broker: {name} advertises {host}:{port} but that port is not "
                            f"published to the listener's port {listeners[name][1]}")

    log_dirs = env.get("KAFKA_LOG_DIRS", "")
    named = (doc.get("volumes") or {}).keys()
    if not any(target == log_dirs and source in named for source, target in volume_mounts(broker)):
        problems.append(f"broker: KAFKA_LOG_DIRS {log_dirs!r} is not on a named volume")
    test = " ".join(map(str, (broker.get("healthcheck") or {}).get("test") or []))
    if "kafka-broker-api-versions.sh" not in test:
        problems.append("broker: no kafka-broker-api-versions.sh healthcheck")


def _check_bootstrap(broker: dict[str, Any], name: str, settings: Settings,
                     problems: list[str]) -> None:
    """Each bootstrap address must be one the broker advertises, on a listener it listens on."""
    env = service_env(broker)
    listeners = parse_listeners(env.get("KAFKA_LISTENERS", ""))
    advertised = parse_listeners(env.get("KAFKA_ADVERTISED_LISTENERS", ""))
    protocols = dict(item.split(":", 1) for item in
                     env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "").split(",") if ":" in item)
    reachable = {"broker", str(broker.get("hostname", "broker"))}
    for address in settings.bootstrap_servers.split(","):
        host, port = host_port(address)
        matches = [listener for listener, hp in advertised.items() if hp == (host, port)]
        if not matches:
            problems.append(f"{name}: bootstrap {address} is not advertised by the broker "
                            f"({env.get('KAFKA_ADVERTISED_LISTENERS')})")
            continue
        listener = matches[0]
        if host not in reachable:
            problems.append(f"{name}: bootstrap host {host!r} is not the broker service")
        if listener in listeners and listeners[listener][1] != port:
            problems.append(f"{name}: listener {listener} listens on {listeners[listener][1]}, "
                            f"not on the advertised port {port}")
        if protocols.get(listener) != settings.security_protocol:
            problems.append(f"{name}: listener {listener} speaks {protocols.get(listener)}, "
                            f"DYADWATCH_SECURITY_PROTOCOL is {settings.security_protocol}")


def app_services(services: dict[str, Any]) -> list[str]:
    """The services running the dyadwatch image: ``topics`` then the workers."""
    return [TOPICS, *sorted(name for name in services if WORKER.match(name))]


def _check_image(services: dict[str, Any], names: list[str], problems: list[str]) -> None:
    """One service builds the image from the project's Dockerfile; the others reuse it."""
    builders = [name for name in names if services[name].get("build") is not None]
    if len(builders) != 1:
        problems.append(f"the image must be built by exactly one service, not {builders}")
        return
    build, image = services[builders[0]]["build"], services[builders[0]].get("image")
    context = build if isinstance(build, str) else build.get("context", ".")
    dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
    if (ROOT / context / dockerfile).resolve() != DOCKERFILE:
        problems.append(f"{builders[0]}: builds {context}/{dockerfile}, not the project's Dockerfile")
    if not image:
        problems.append(f"{builders[0]}: builds without naming the image (image:) to reuse")
    for name in names:
        if name not in builders and services[name].get("image") != image:
            problems.append(f"{name}: not the image {image!r} built once by {builders[0]}")


def _check_app_service(name: str, service: dict[str, Any], problems: list[str]) -> None:
    expected = ["worker"] if WORKER.match(name) else [name]
    if service.get("command") != expected:
        problems.append(f"{name}: command is {service.get('command')!r}, expected {expected!r}")
    entrypoint = service.get("entrypoint")
    if entrypoint is not None and not re.search(r"\bexec dyadwatch\b", " ".join(entrypoint)):
        problems.append(f"{name}: the entrypoint override does not exec dyadwatch")


def _check_worker(name: str, worker: dict[str, Any], settings: Settings,
                  problems: list[str]) -> None:
    if settings.web_host != "0.0.0.0":
        problems.append(f"{name}: DYADWATCH_WEB_HOST must be 0.0.0.0 to be reachable in a "
                        "container")
    advertised = service_env(worker).get("DYADWATCH_ADVERTISED_HOST")
    if not worker.get("hostname") or advertised != worker.get("hostname"):
        problems.append(f"{name}: DYADWATCH_ADVERTISED_HOST ({advertised}) must be its fixed "
                        f"hostname ({worker.get('hostname')}): a stable address for routing")
    ports = published_ports(worker)
    if [target for _, target in ports] != [str(settings.web_port)]:
        problems.append(f"{name}: ports must publish the web port {settings.web_port} once")
    if settings.session_timeout_s * 1000 < KAFKA_MIN_SESSION_TIMEOUT_MS:
        problems.append(f"{name}: session timeout {settings.session_timeout_s} s is below "
                        "Kafka's group.min.session.timeout.ms (6 s): joins would be rejected")
    if settings.heartbeat_interval_s * 3 > settings.session_timeout_s:
        problems.append(f"{name}: heartbeat interval above a third of the session timeout")
    data_dir = str(settings.data_dir)
    if not [source for source, target in volume_mounts(worker) if target == data_dir and source]:
        problems.append(f"{name}: no named volume of its own on DYADWATCH_DATA_DIR {data_dir}")
    if condition(worker, "topics") != "service_completed_successfully":
        problems.append(f"{name}: must depend on topics with service_completed_successfully")


def _writable_mounts(service: dict[str, Any]) -> list[tuple[str | None, str]]:
    """The service's volume mounts but the read-only ones (the event store the workers read)."""
    entries = service.get("volumes") or []
    writable = [e for e in entries if not (isinstance(e, str) and e.endswith(":ro"))]
    return volume_mounts({"volumes": writable})


def _check_workers_apart(services: dict[str, Any], workers: list[str],
                         problems: list[str]) -> None:
    """Workers never share a hostname, a host port or a table store."""
    for what, values in (
        ("hostname", [services[w].get("hostname") for w in workers]),
        ("host port", [p for w in workers for p, _ in published_ports(services[w])]),
        ("store volume", [src for w in workers for src, _ in _writable_mounts(services[w]) if src]),
    ):
        shared = sorted({str(v) for v in values if values.count(v) > 1})
        if shared:
            problems.append(f"workers share a {what}: {shared}")
    for worker in workers:
        for entry in services[worker].get("ports") or []:
            if not re.fullmatch(r"127\.0\.0\.1:\d+:\d+", str(entry)):
                problems.append(f"{worker}: publish one fixed port on 127.0.0.1, not {entry!r}")


def _check_retention(settings: Settings, problems: list[str]) -> None:
    """articles and relation-events kept as long as history needs; changelogs compacted."""
    specs = {spec.name: spec for spec in topic_specs_of(settings)}
    history_ms = settings.history_days * 86_400_000
    for topic in (settings.articles_topic, settings.events_topic):
        kept = int(specs[topic].configs.get("retention.ms", "0"))
        if kept != -1 and kept < history_ms:
            problems.append(f"{topic}: retention.ms {kept} is shorter than the history "
                            f"(DYADWATCH_HISTORY_DAYS={settings.history_days})")
    for spec in specs.values():
        if spec.name.endswith("-changelog") and spec.configs.get("cleanup.policy") != "compact":
            problems.append(f"{spec.name}: a changelog must be compacted")


def check_compose(doc: dict[str, Any]) -> None:
    """Raise ConfigProblem listing every inconsistency of a loaded compose document."""
    services = doc.get("services") or {}
    names = app_services(services)
    missing = {"broker", TOPICS} - services.keys()
    if missing or len(names) < 2:
        raise ConfigProblem(f"services missing: {sorted(missing) or ['worker-1']}")
    problems: list[str] = []
    _check_broker(doc, services["broker"], problems)
    _check_image(services, names, problems)

    fields = {name.upper() for name in Settings.model_fields}
    for name in sorted({m for text in strings_in(doc) for m in SETTING_NAME.findall(text)}):
        if name not in fields:
            problems.append(f"DYADWATCH_{name} is not a field of streams.settings.Settings")

    settings: dict[str, Settings] = {}
    for name in names:
        _check_app_service(name, services[name], problems)
        parsed = _service_settings(name, services[name], problems)
        if parsed is not None:
            settings[name] = parsed
            _check_bootstrap(services["broker"], name, parsed, problems)

    if TOPICS in settings:
        _check_retention(settings[TOPICS], problems)
        for name in names[1:]:
            if name not in settings:
                continue
            topics, worker = topic_specs_of(settings[TOPICS]), topic_specs_of(settings[name])
            if topics != worker:
                problems.append(f"topics and {name} disagree on the topics, partition counts "
                                f"or retention: {topics} != {worker}")
            _check_worker(name, services[name], settings[name], problems)
    _check_workers_apart(services, names[1:], problems)
    if condition(services[TOPICS], "broker") != "service_healthy":
        problems.append("topics: must depend on broker with service_healthy")
    if services[TOPICS].get("restart") not in (None, "no"):
        problems.append("topics: a one-shot job must not restart")
    if problems:
        raise ConfigProblem("\n".join(problems))


def _service_settings(name: str, service: dict[str, Any], problems: list[str]) -> Settings | None:
    """The service's settings, with partition counts set explicitly; None if invalid."""
    env = service_env(service)
    for key in ("DYADWATCH_ARTICLES_PARTITIONS", "DYADWATCH_EVENTS_PARTITIONS"):
        if key not in env:
            problems.append(f"{name}: {key} is not set explicitly")
    try:
        parsed = settings_from_env(env)
    except ValidationError as exc:
        problems.append(f"{name}: invalid settings: {exc}")
        return None
    for key, value in (("DYADWATCH_ARTICLES_PARTITIONS", parsed.articles_partitions),
                       ("DYADWATCH_EVENTS_PARTITIONS", parsed.events_partitions)):
        if key in env and int(env[key]) != value:
            problems.append(f"{name}: {key}={env[key]} parses as {value}")
    return parsed


def _instruction(text: str, keyword: str) -> list[str]:
    return re.findall(rf"^{keyword}\s+(.+?)\s*$", text, flags=re.MULTILINE)


def check_dockerfile(text: str) -> None:
    """Raise ConfigProblem unless the Dockerfile installs the project and runs dyadwatch."""
    problems: list[str] = []
    # Join continuation lines so that each instruction is one line.
    text = re.sub(r"\\\n\s*", " ", text)
    froms = _instruction(text, "FROM")
    if not froms or not froms[0].startswith("python:3.11-slim"):
        problems.append(f"base image is {froms[:1]}, expected python:3.11-slim")
    if not any(re.search(r"\bpip install\b.*\s\.(\s|&|$)", run) for run in _instruction(text, "RUN")):
        problems.append("no RUN pip install . (the project from pyproject.toml)")
    copies = " ".join(_instruction(text, "COPY"))
    if not re.search(r"(^|\s)\.\s|pyproject\.toml", copies):
        problems.append("pyproject.toml is not copied into the image")
    steps = re.findall(r"^(COPY|RUN)\s+(.+?)\s*$", text, flags=re.MULTILINE)
    first_source = next((i for i, (k, v) in enumerate(steps) if k == "COPY" and v.startswith(". ")),
                        len(steps))
    before = steps[:first_source]
    if not (any(k == "COPY" and "pyproject.toml" in v for k, v in before)
            and any(k == "RUN" and "pip install" in v for k, v in before)):
        problems.append("the dependency layer is not cached: COPY pyproject.toml and RUN pip "
                        "install its dependencies before COPY . .")
    users = _instruction(text, "USER")
    if not users or users[-1].split(":")[0] in ("root", "0"):
        problems.append("the image does not end on a non-root USER")
    for keyword, expected in (("ENTRYPOINT", ["dyadwatch"]), ("CMD", ["worker"])):
        values = _instruction(text, keyword)
        if not values or jsonbytes.loads(values[-1]) != expected:
            problems.append(f"{keyword} is {values[-1:]}, expected {jsonbytes.dumps(expected).decode()}")
    if "6066" not in " ".join(_instruction(text, "EXPOSE")).split():
        problems.append("EXPOSE 6066 is missing")
    health = " ".join(_instruction(text, "HEALTHCHECK"))
    if "urllib" not in health or "/health" not in health:
        problems.append("no HEALTHCHECK asking /health with urllib")
    if problems:
        raise ConfigProblem("\n".join(problems))
