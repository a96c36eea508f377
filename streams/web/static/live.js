/* dyadwatch live updates: the worker's GET /stream (server-sent events), with a fallback to
   polling /dyads and /health when the stream cannot be kept.

   window.DyadLive.connect({
     onPairs(rows, info),  rows: PairSummary rows (as /dyads gives them); info.full is true when
                           rows is a whole listing (first load, resync, polling) and false when
                           they are only the pairs that changed (upsert them by row.pair)
     onStatus(status),     {worker, status, serving, lag: {topic: n}, lag_total, behind, at}
     onState(state),       "connected" | "reconnecting" | "polling"
     listParams,           query of the /dyads refetches, default {sort: "tension", limit: "1000"}
     pollMs,               polling period in the fallback (2000)
   }) -> { close() }

   Self-contained: no other script needed; EventSource reconnects by itself (Last-Event-ID),
   and after FAIL_LIMIT failed reconnects in a row this switches to polling, trying the stream
   again every RETRY_STREAM_MS. */
"use strict";

(() => {
  const FAIL_LIMIT = 3;
  const RETRY_STREAM_MS = 30000;

  function connect(options) {
    const opts = options || {};
    const noop = () => {};
    const onPairs = opts.onPairs || noop;
    const onStatus = opts.onStatus || noop;
    const onState = opts.onState || noop;
    const pollMs = opts.pollMs || 2000;
    const listQuery = new URLSearchParams(opts.listParams || { sort: "tension", limit: "1000" });
    let source = null;
    let failures = 0;
    let pollTimer = null;
    let retryTimer = null;
    let closed = false;
    let state = null;

    function setState(next) {
      if (next !== state) {
        state = next;
        onState(next);
      }
    }

    async function getJson(path) {
      const response = await fetch(path, { headers: { Accept: "application/json" }, cache: "no-store" });
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return response.json();
    }

    async function refetchList() {
      try {
        const body = await getJson(`/dyads?${listQuery}`);
        if (!closed) onPairs(body.dyads || [], { full: true });
      } catch (error) {
        /* the next event or poll tries again */
      }
    }

    async function pollOnce() {
      if (closed) return;
      await refetchList();
      try {
        const health = await getJson("/health");
        const lag = health.lag || {};
        const total = Object.values(lag).reduce((sum, n) => sum + n, 0);
        onStatus({ worker: health.worker, status: health.status, serving: health.status !== "starting",
          lag, lag_total: total, behind: health.status !== "ok", at: new Date().toISOString() });
      } catch (error) {
        onStatus({ status: "unreachable", behind: true, lag: {}, lag_total: null, at: new Date().toISOString() });
      }
      if (!closed && state === "polling") pollTimer = window.setTimeout(pollOnce, pollMs);
    }

    function parse(event) {
      try {
        return JSON.parse(event.data);
      } catch (error) {
        return null;
      }
    }

    function startPolling() {
      setState("polling");
      if (pollTimer === null) pollOnce();
      retryTimer = window.setTimeout(() => {
        retryTimer = null;
        if (!closed) openStream();
      }, RETRY_STREAM_MS);
    }

    function stopPolling() {
      if (pollTimer !== null) window.clearTimeout(pollTimer);
      pollTimer = null;
    }

    function openStream() {
      if (typeof window.EventSource !== "function") {
        startPolling();
        return;
      }
      source = new window.EventSource("/stream");
      source.onopen = () => {
        failures = 0;
        stopPolling();
        setState("connected");
        refetchList(); /* the stream carries changes only: start from the whole listing */
      };
      source.addEventListener("pairs", (event) => {
        const body = parse(event);
        if (body && Array.isArray(body.rows)) onPairs(body.rows, { full: false });
      });
      source.addEventListener("status", (event) => {
        const body = parse(event);
        if (body) onStatus(body);
      });
      source.addEventListener("resync", () => refetchList());
      source.onerror = () => {
        if (closed) return;
        failures += 1;
        if (failures >= FAIL_LIMIT || source.readyState === window.EventSource.CLOSED) {
          source.close();
          source = null;
          startPolling();
        } else {
          setState("reconnecting");
        }
      };
    }

    openStream();
    return {
      close() {
        closed = true;
        if (source) source.close();
        stopPolling();
        if (retryTimer !== null) window.clearTimeout(retryTimer);
      },
    };
  }

  window.DyadLive = { connect };
})();
