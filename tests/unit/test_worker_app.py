"""The worker's ``faust.App`` closes its flow control when table recovery completes, so records
fetched while its stream partitions are sought wait at the conductor instead of reaching the
agents' queues that Faust clears when it opens the flow again (``streams.kafka.transport``)."""

from __future__ import annotations

import asyncio

from streams.kafka.transport import WorkerApp


def test_flow_control_is_closed_when_recovery_completes_and_opened_by_faust_after_the_seek() -> None:
    async def scenario() -> list[bool]:
        app = WorkerApp("flow-hold-test", broker="kafka://127.0.0.1:9", store="memory://")
        app.flow_control.resume()  # open, as while the changelogs are read
        seen = [app.flow_control.is_active()]
        await app.on_rebalance_complete.send()  # Faust: recovery complete, the seek comes next
        seen.append(app.flow_control.is_active())
        app.flow_control.resume()  # Faust, once the stream partitions are sought
        seen.append(app.flow_control.is_active())
        return seen

    assert asyncio.run(scenario()) == [True, False, True]
