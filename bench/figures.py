"""The figures of one ``bench/pipeline.py`` run: phases' results, the table and the last line."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Figures", "Latency", "Throughput"]


@dataclass
class Throughput:
    rate: float
    ready_s: float
    rss_mb: float
    cpu_ms: float  # worker CPU per item after ready (its coding processes excluded)
    counters: dict[str, int]
    http_p99_ms: float = float("nan")
    rebalances: int = 0
    rss_children_mb: list[float] = field(default_factory=list)
    overall: float = float("nan")  # items / seconds from ready to done (start-up lag included)


@dataclass
class Latency:
    offered: float
    achieved: float
    measured: int
    p50_ms: float
    p99_ms: float


@dataclass
class Figures:
    limit: Throughput
    runs: dict[int, Throughput]  # coding processes -> throughput
    shape: Throughput
    coder_rate: float
    latencies: dict[str, Latency]
    articles: int

    @property
    def scaling(self) -> float:
        return self.runs[2].rate / self.runs[1].rate

    @property
    def vs_target(self) -> float:
        return self.runs[2].rate / min(self.shape.rate, 2 * self.coder_rate)

    def print_table(self) -> None:
        one, two, loop = self.runs[1], self.runs[2], self.runs[0]
        rows = [
            ("pass-through (limit)", f"{self.limit.rate:.0f} msg/s"),
            ("pure coder, one core", f"{self.coder_rate:.1f} articles per CPU second"),
            ("pipeline, 1 coding process", f"{one.rate:.1f} articles/s"),
            ("pipeline, 2 coding processes", f"{two.rate:.1f} articles/s"),
            ("scaling, 2 / 1 processes", f"{self.scaling:.2f}"),
            ("pipeline, coding in the event loop (0 processes; ready to done: its /health stalls "
             "too long for the 10-90% window)", f"{loop.overall:.1f} articles/s"),
            ("shape ceiling (coding precomputed, 1 process)", f"{self.shape.rate:.0f} articles/s"),
            ("2 processes / min(ceiling, 2 x pure coder)", f"{self.vs_target:.2f}"),
            ("pipeline (2) / pass-through", f"{two.rate / self.limit.rate:.3f}"),
            ("worker CPU per article (coding processes excluded, HTTP probe included): 2 / 0 / ceiling",
             f"{two.cpu_ms:.2f} / {loop.cpu_ms:.2f} / {self.shape.cpu_ms:.2f} ms"),
            ("events per article", f"{two.counters.get('events_emitted', 0) / max(self.articles, 1):.2f}"),
        ]
        for name, item in self.latencies.items():
            rows.append((f"latency at {item.offered:.0f}/s offered{' (saturation)' * (name == 'sat')} "
                         f"({item.achieved:.1f}/s sent, {item.measured} articles)",
                         f"p50 {item.p50_ms:.0f} ms, p99 {item.p99_ms:.0f} ms"))
        for n in (2, 1, 0):
            run = self.runs[n]
            rows.append((f"HTTP p99 during the backlog, {n} coding process{'es' * (n != 1)}",
                         f"{run.http_p99_ms:.0f} ms ({run.rebalances} rebalances seen)"))
        rows.append(("worker ready after start (2 processes, models loaded)", f"{two.ready_s:.2f} s"))
        rows.append(("worker ready after start (1 process / in the loop)",
                     f"{one.ready_s:.2f} / {loop.ready_s:.2f} s"))
        rows.append((f"peak RSS after {self.articles} articles: worker (2 processes)",
                     f"{two.rss_mb:.0f} MB"))
        rows.append(("peak RSS: fork server and coding processes",
                     ", ".join(f"{mb:.0f}" for mb in two.rss_children_mb) + " MB"))
        rows.append(("peak RSS: worker coding in its loop", f"{loop.rss_mb:.0f} MB"))
        width = max(len(name) for name, _ in rows)
        print("\n| what" + " " * (width - 4) + " | figure |")
        print("|" + "-" * (width + 2) + "|---|")
        for name, value in rows:
            print(f"| {name.ljust(width)} | {value} |")

    def last_line(self) -> str:
        two, lat = self.runs[2], self.latencies
        coder_rss = max(two.rss_children_mb, default=float("nan"))
        return (f"ratio={two.rate / self.limit.rate:.3f} scaling={self.scaling:.2f} "
                f"coder_per_core={self.coder_rate:.1f} vs_target={self.vs_target:.2f} "
                f"p50_ms_10={lat['10'].p50_ms:.0f} p99_ms_10={lat['10'].p99_ms:.0f} "
                f"p50_ms_30={lat['30'].p50_ms:.0f} p99_ms_30={lat['30'].p99_ms:.0f} "
                f"p99_ms_sat={lat['sat'].p99_ms:.0f} http_p99_ms={two.http_p99_ms:.0f} "
                f"http_p99_ms_in_loop={self.runs[0].http_p99_ms:.0f} rebalances={two.rebalances} "
                f"ready_s={two.ready_s:.2f} rss_mb={two.rss_mb:.0f} rss_coder_mb={coder_rss:.0f}")
