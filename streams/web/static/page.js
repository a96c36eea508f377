/* dyadwatch live page: one refresh() reads the API at one "as of" time and redraws what changed.
   The worker pushes changes (GET /stream, server-sent events, through live.js): each `pairs`
   event calls refresh(), each `status` event says whether the worker is behind (consumer lag).
   Without the stream, live.js polls and the page still refreshes every 2 s. */
"use strict";

const DyadPage = (() => {
  const POLL_MS = 2000;
  const LIST_LIMIT = 8;
  const LIST_POOL = 100;
  const NETWORK_LIMIT = 60;
  const HISTORY_DAYS = 30;
  const HISTORY_RETRY_MS = 30000;
  const C = DyadCharts;
  const state = { selected: null, country: null, asOf: null, histories: new Map(), drawn: new Map(),
    running: null, again: false, live: null };

  const el = C.el;

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" }, cache: "no-store" });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`${path.split("?")[0]}: HTTP ${response.status}`);
    return response.json();
  }

  function pairPath(pair) {
    const [a, b] = pair.split("-");
    return `/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
  }

  /* A pair's daily history, fetched again only when its row changed (or after a 404, later). */
  function history(row) {
    const version = `${row.events}|${row.last_event_time}`;
    const cached = state.histories.get(row.pair);
    const fresh = cached && cached.version === version &&
      (cached.found || Date.now() - cached.at < HISTORY_RETRY_MS);
    if (fresh) return cached.data;
    const entry = { version, found: false, at: Date.now(), data: null };
    entry.data = getJson(`${pairPath(row.pair)}/history?days=${HISTORY_DAYS}`)
      .then((body) => {
        entry.found = Boolean(body && Array.isArray(body.history));
        return entry.found ? body.history : null;
      })
      .catch(() => null);
    state.histories.set(row.pair, entry);
    return entry.data;
  }

  function pairButton(row, metric, daily) {
    /* the index itself (both are positive sums of Goldstein weights), labelled; net apart */
    const value = `${metric === "tension" ? "tension" : "cooperation"} ${row[metric].toFixed(1)}`;
    const label = `${row.a}\u2013${row.b}, ${metric} ${row[metric].toFixed(1)}, net ${C.signed(row.net)}, ` +
      `${row.events} events. Open its timeline and evidence.`;
    const button = el("button", { type: "button", class: "pair", "data-pair": row.pair,
      "aria-label": label, "aria-pressed": row.pair === state.selected ? "true" : "false" }, [
      el("span", { class: "pair-name" }, [`${row.a}\u2013${row.b}`]),
      el("span", { class: `pair-value ${metric === "tension" ? "neg" : "pos"}` }, [value]),
      C.sparkline(daily),
      el("span", { class: "pair-meta" }, [`${row.events} ev · net ${C.signed(row.net)}`]),
    ]);
    if (!daily || !daily.length) button.append(el("span", { class: "no-history" }, ["no history yet"]));
    return button;
  }

  /* The summary lists, disjoint by construction: net < 0 by tension, net > 0 by cooperation. */
  async function renderList(listId, rows, metric) {
    const list = document.getElementById(listId);
    const shown = rows.filter((row) => (metric === "tension" ? row.net < 0 : row.net > 0)).slice(0, LIST_LIMIT);
    const histories = await Promise.all(shown.map(history));
    const signature = JSON.stringify([shown, histories, state.selected]);
    if (state.drawn.get(listId) === signature) return;
    state.drawn.set(listId, signature);
    const focused = list.contains(document.activeElement) ? document.activeElement.dataset.pair : null;
    C.clear(list);
    if (!shown.length) list.append(el("li", { class: "empty" }, ["no pairs yet"]));
    shown.forEach((row, i) => list.append(el("li", {}, [pairButton(row, metric, histories[i])])));
    if (focused) list.querySelector(`[data-pair="${focused}"]`)?.focus();
  }

  function redraw(key, value, draw) {
    const signature = JSON.stringify([value, state.selected, state.country]);
    if (state.drawn.get(key) === signature) return;
    state.drawn.set(key, signature);
    draw();
  }

  function busiestCountry(rows) {
    const counts = new Map();
    for (const row of rows) {
      for (const code of [row.a, row.b]) counts.set(code, (counts.get(code) || 0) + row.events);
    }
    return [...counts.entries()].sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1))[0]?.[0] || null;
  }

  async function renderMap(country, at) {
    if (!country) return;
    const body = await getJson(`/countries/${country}${at}`);
    const rows = body ? body.dyads : [];
    redraw("map", rows, () => {
      document.getElementById("map-country").textContent =
        `net relations of ${body ? body.name : country} (${country})`;
      DyadMap.draw(document.getElementById("map"), document.getElementById("map-legend"), country, rows)
        .catch((error) => setStatus(`map: ${error.message}`, false));
    });
  }

  function showAsOf(asOf) {
    document.getElementById("as-of").textContent = asOf
      ? `as of ${asOf.slice(0, 19).replace("T", " ")} UTC` : "as of: no events yet";
  }

  /* The page's one time: the end of the table's range if it has one, else the latest event
     time of all pairs (the tension list answers it). Every other request asks at that time. */
  async function refreshOnce() {
    let table = null;
    let tension = null;
    if (DyadExplore.hasUntil()) {
      table = await getJson(DyadExplore.tablePath(state.country, null));
      state.asOf = table ? table.as_of : null;
    } else {
      tension = await getJson(`/dyads?sort=tension&limit=${LIST_POOL}`);
      state.asOf = tension ? tension.as_of : null;
    }
    const at = state.asOf ? `as_of=${encodeURIComponent(state.asOf)}` : "";
    [table, tension] = await Promise.all([
      table || getJson(DyadExplore.tablePath(state.country, state.asOf)),
      tension || getJson(`/dyads?sort=tension&limit=${LIST_POOL}&${at}`),
    ]);
    const [coop, all] = await Promise.all([
      getJson(`/dyads?sort=cooperation&limit=${LIST_POOL}&${at}`),
      getJson(`/dyads?sort=events&limit=${NETWORK_LIMIT}&${at}`),
    ]);
    const rows = all ? all.dyads : [];
    if (!state.selected && tension) state.selected = (tension.dyads.find((r) => r.net < 0) || rows[0] || {}).pair || null;
    showAsOf(state.asOf);
    redraw("table", table, () => DyadExplore.renderTable(table || { dyads: [], total: 0, offset: 0 },
      state.selected, table && table.name));
    redraw("network", rows, () => C.network(document.getElementById("network"), rows, state.selected));
    await Promise.all([
      renderList("tension-list", tension ? tension.dyads : [], "tension"),
      renderList("coop-list", coop ? coop.dyads : [], "cooperation"),
      renderMap(state.country || busiestCountry(rows), at ? `?${at}` : ""),
      state.selected ? DyadPair.render(state.selected, state.asOf, getJson, history) : null,
    ]);
    setStatus(`updated ${new Date().toTimeString().slice(0, 8)}`, true);
  }

  /* Read everything again and redraw what changed; safe to call at any time (calls made while
     one runs are folded into one more run). The hook for push updates. */
  async function refresh() {
    if (state.running) {
      state.again = true;
      return state.running;
    }
    state.running = refreshOnce()
      .catch((error) => setStatus(`connection lost, retrying (${error.message})`, false))
      .finally(() => {
        state.running = null;
        if (state.again) {
          state.again = false;
          refresh();
        }
      });
    return state.running;
  }

  function remember() {
    const parts = [];
    if (state.selected) parts.push(`pair=${state.selected}`);
    if (state.country) parts.push(`country=${state.country}`);
    window.history.replaceState(null, "", `#${parts.join("&")}`);
  }

  function select(pair) {
    if (!pair || pair === state.selected) return;
    state.selected = pair;
    remember();
    if (window.matchMedia("(max-width: 700px)").matches) {
      document.getElementById("detail").scrollIntoView({ block: "start" });
    }
    refresh();
  }

  function chooseCountry(code) {
    state.country = code;
    DyadExplore.resetPage();
    document.getElementById("tb-clear-country").hidden = !code;
    document.getElementById("table-country").textContent = code ? ` of ${code}` : "";
    remember();
    refresh();
  }

  function onActivate(event) {
    const target = event.target.closest("[data-pair], [data-code]");
    if (!target) return;
    if (event.type === "keydown") {
      if (event.key !== "Enter" && event.key !== " ") return;
      if (target.tagName === "BUTTON") return; /* buttons fire click themselves */
      event.preventDefault();
    }
    if (target.dataset.pair) select(target.dataset.pair);
    else if (target.getAttribute("role") === "button") chooseCountry(target.dataset.code);
  }

  function setStatus(text, ok) {
    const status = document.getElementById("status");
    status.textContent = text;
    status.classList.toggle("stale", !ok);
  }

  /* Pushed updates: a refresh on every change the worker reports; its lag on the status line. */
  function listen() {
    const live = document.getElementById("live");
    const words = { connected: "live", reconnecting: "reconnecting…", polling: "polling every 2 s" };
    window.DyadLive.connect({
      onPairs: () => refresh(),
      onStatus: (status) => {
        const behind = status.behind ? `, behind by ${status.lag_total} records` : "";
        live.dataset.behind = status.behind ? "yes" : "no";
        live.textContent = `${words[state.live] || "live"}${behind}`;
        live.classList.toggle("stale", Boolean(status.behind));
      },
      onState: (mode) => {
        state.live = mode;
        live.dataset.mode = mode;
        live.textContent = words[mode] || mode;
      },
      listParams: { sort: "tension", limit: "1" }, /* refresh() reads what the page shows */
      pollMs: POLL_MS,
    });
  }

  /* The pair and country the URL's hash names (#pair=CHN-PHL&country=PHL), codes upper-case,
     the pair in its key's order. */
  function fromHash() {
    const hash = decodeURIComponent(window.location.hash);
    const pair = /pair=([A-Za-z]{3})-([A-Za-z]{3})/.exec(hash);
    const country = /country=([A-Za-z]{3})/.exec(hash);
    return {
      pair: pair ? [pair[1].toUpperCase(), pair[2].toUpperCase()].sort().join("-") : null,
      country: country ? country[1].toUpperCase() : null,
    };
  }

  /* A hash set by hand, a link or Back/Forward: select what it names (remember() replaces the
     hash without a hashchange event, so this never loops). */
  function onHashChange() {
    const wanted = fromHash();
    if (wanted.country !== state.country) chooseCountry(wanted.country);
    if (wanted.pair) select(wanted.pair);
  }

  function start() {
    const wanted = fromHash();
    if (wanted.pair) state.selected = wanted.pair;
    if (wanted.country) chooseCountry(wanted.country);
    window.addEventListener("hashchange", onHashChange);
    for (const id of ["tension-list", "coop-list", "network", "pairs-table", "map"]) {
      const node = document.getElementById(id);
      node.addEventListener("click", onActivate);
      node.addEventListener("keydown", onActivate);
    }
    document.getElementById("tb-clear-country").addEventListener("click", () => chooseCountry(null));
    DyadExplore.initTable(refresh);
    DyadExplore.initSearch((item) => (item.kind === "pair" ? select(item.pair) : chooseCountry(item.code)), getJson);
    DyadPair.init(getJson);
    refresh();
    listen();
  }

  start();
  return { refresh };
})();
