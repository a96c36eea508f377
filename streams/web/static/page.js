/* dyadwatch live page: polls the worker's HTTP API and redraws what changed. */
"use strict";

(() => {
  const POLL_MS = 2000;
  const LIST_LIMIT = 8;
  const NETWORK_LIMIT = 60;
  const HISTORY_DAYS = 30;
  const HISTORY_RETRY_MS = 30000;
  const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
    4: "material conflict" };
  const C = DyadCharts;
  const state = { selected: null, histories: new Map(), drawn: new Map(), eventsMissingAt: -Infinity };

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value !== undefined && value !== null) node.setAttribute(key, String(value));
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" }, cache: "no-store" });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
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
    const spark = C.sparkline(daily);
    const value = metric === "tension" ? `\u2212${row.tension.toFixed(1)}` : `+${row.cooperation.toFixed(1)}`;
    const label = `${row.a}\u2013${row.b}, ${metric} ${row[metric].toFixed(1)}, net ${C.signed(row.net)}, ` +
      `${row.events} events. Open its timeline and evidence.`;
    const button = el("button", { type: "button", class: "pair", "data-pair": row.pair,
      "aria-label": label, "aria-pressed": row.pair === state.selected ? "true" : "false" }, [
      el("span", { class: "pair-name" }, [`${row.a}\u2013${row.b}`]),
      el("span", { class: `pair-value ${metric === "tension" ? "neg" : "pos"}` }, [value]),
      spark,
      el("span", { class: "pair-meta" }, [`${row.events} ev · net ${C.signed(row.net)}`]),
    ]);
    if (!daily || !daily.length) {
      button.append(el("span", { class: "no-history" }, ["no history yet"]));
    }
    return button;
  }

  async function renderList(listId, rows, metric) {
    const list = document.getElementById(listId);
    const shown = rows.filter((row) => row[metric] > 0);
    const histories = await Promise.all(shown.map(history));
    const signature = JSON.stringify([shown, histories, state.selected]);
    if (state.drawn.get(listId) === signature) return;
    state.drawn.set(listId, signature);
    const focused = document.activeElement && list.contains(document.activeElement)
      ? document.activeElement.dataset.pair : null;
    C.clear(list);
    if (!shown.length) list.append(el("li", { class: "empty" }, ["no pairs yet"]));
    shown.forEach((row, i) => {
      list.append(el("li", {}, [pairButton(row, metric, histories[i])]));
    });
    if (focused) list.querySelector(`[data-pair="${focused}"]`)?.focus();
  }

  function renderNetwork(rows) {
    const root = document.getElementById("network");
    const signature = JSON.stringify([rows, state.selected]);
    if (state.drawn.get("network") === signature) return;
    state.drawn.set("network", signature);
    const focused = root.contains(document.activeElement) ? document.activeElement.dataset.pair : null;
    C.network(root, rows, state.selected);
    if (focused) root.querySelector(`[data-pair="${focused}"]`)?.focus();
  }

  function highlighted(text, trigger) {
    const at = trigger ? text.toLowerCase().indexOf(trigger.toLowerCase()) : -1;
    if (at < 0) return [text];
    return [text.slice(0, at), el("mark", {}, [text.slice(at, at + trigger.length)]),
      text.slice(at + trigger.length)];
  }

  function evidenceItem(event) {
    const tone = C.signClass(event.goldstein);
    const article = event.article_url
      ? el("a", { href: event.article_url, rel: "noopener noreferrer", target: "_blank" },
        [`article ${event.article_id}`])
      : el("span", {}, [`article ${event.article_id}`]);
    return el("li", { class: `event ${tone}` }, [
      el("p", { class: "event-head" }, [
        el("span", { class: "dir" }, [`${event.source} \u2192 ${event.target}`]),
        el("span", { class: "cameo" }, [`${event.cameo_name || "CAMEO"} (${event.cameo_code})`]),
        el("span", { class: `quad q${event.quad_class}` }, [QUADS[event.quad_class] || `quad ${event.quad_class}`]),
        el("span", { class: `gold ${tone}` }, [`Goldstein ${C.signed(event.goldstein)}`]),
      ]),
      el("blockquote", {}, highlighted(event.evidence.text, event.evidence.trigger)),
      el("p", { class: "event-foot" }, [article, when(event.event_time)]),
    ]);
  }

  /* The pair's latest events: /events when the worker has it, else the state's recent events. */
  async function events(pair, detail) {
    if (Date.now() - state.eventsMissingAt > HISTORY_RETRY_MS) {
      try {
        const body = await getJson(`${pairPath(pair)}/events?limit=20`);
        if (body && Array.isArray(body.events)) return body.events;
      } catch (error) { /* answered below */ }
      state.eventsMissingAt = Date.now();
    }
    return [...(detail.recent_events || [])].reverse();
  }

  function when(time) {
    return time ? ` · ${time.slice(0, 16).replace("T", " ")} UTC` : "";
  }

  async function renderDetail() {
    const pair = state.selected;
    if (!pair) return;
    const detail = await getJson(pairPath(pair));
    if (pair !== state.selected) return;
    if (!detail) {
      document.getElementById("pair-summary").textContent = `No events for ${pair} yet.`;
      return;
    }
    const s = detail.summary;
    const [hist, latest] = await Promise.all([history(s), events(pair, detail)]);
    const signature = JSON.stringify([pair, s, hist, latest.map((e) => e.event_id)]);
    if (pair !== state.selected || state.drawn.get("detail") === signature) return;
    state.drawn.set("detail", signature);
    document.getElementById("pair-title").textContent = `${s.a}\u2013${s.b}`;
    document.getElementById("pair-summary").textContent =
      `${s.events} events (${s.a}\u2192${s.b} ${s.a_to_b}, ${s.b_to_a} ${s.b}\u2192${s.a}) in ` +
      `${s.articles} article${s.articles === 1 ? "" : "s"} · tension ${s.tension.toFixed(1)} · ` +
      `cooperation ${s.cooperation.toFixed(1)} · net ${C.signed(s.net)}`;
    C.timeline(document.getElementById("timeline"), hist);
    const list = document.getElementById("evidence");
    C.clear(list);
    for (const event of latest) list.append(evidenceItem(event));
  }

  function select(pair) {
    if (!pair || pair === state.selected) return;
    state.selected = pair;
    rememberSelection(pair);
    if (window.matchMedia("(max-width: 700px)").matches) {
      document.getElementById("detail").scrollIntoView({ block: "start" });
    }
    refresh();
  }

  function rememberSelection(pair) {
    window.history.replaceState(null, "", `#pair=${pair}`);
  }

  function onActivate(event) {
    const target = event.target.closest("[data-pair]");
    if (!target) return;
    if (event.type === "keydown") {
      if (event.key !== "Enter" && event.key !== " ") return;
      if (target.tagName === "BUTTON") return; /* buttons fire click themselves */
      event.preventDefault();
    }
    select(target.dataset.pair);
  }

  function setStatus(text, ok) {
    const status = document.getElementById("status");
    status.textContent = text;
    status.classList.toggle("stale", !ok);
  }

  async function refresh() {
    try {
      const [tension, coop, all] = await Promise.all([
        getJson(`/dyads?sort=tension&limit=${LIST_LIMIT}`),
        getJson(`/dyads?sort=cooperation&limit=${LIST_LIMIT}`),
        getJson(`/dyads?sort=events&limit=${NETWORK_LIMIT}`),
      ]);
      if (!state.selected && tension && tension.dyads.length) state.selected = tension.dyads[0].pair;
      await Promise.all([
        renderList("tension-list", tension ? tension.dyads : [], "tension"),
        renderList("coop-list", coop ? coop.dyads : [], "cooperation"),
        renderDetail(),
      ]);
      renderNetwork(all ? all.dyads : []);
      setStatus(`updated ${new Date().toTimeString().slice(0, 8)}`, true);
    } catch (error) {
      setStatus(`connection lost, retrying (${error.message})`, false);
    }
  }

  async function poll() {
    await refresh();
    window.setTimeout(poll, POLL_MS);
  }

  function start() {
    const match = /pair=([A-Z]{3}-[A-Z]{3})/.exec(window.location.hash);
    if (match) state.selected = match[1];
    for (const id of ["tension-list", "coop-list", "network"]) {
      const node = document.getElementById(id);
      node.addEventListener("click", onActivate);
      node.addEventListener("keydown", onActivate);
    }
    poll();
  }

  start();
})();
