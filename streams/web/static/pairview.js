/* dyadwatch live page: the pair view. Its figures at the page's one "as of" time
   (GET /dyads/{A}/{B}?as_of=), daily history, alerts, and its events from the event store
   (GET /events?pair=, newest first by event time, filtered, cursor-paged; CSV: /events.csv). */
"use strict";

const DyadPair = (() => {
  const C = DyadCharts;
  const EVENTS_PAGE = 20;
  const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
    4: "material conflict" };
  const view = { pair: null, signature: "", cursor: null, events: 0 };

  const el = C.el;

  function when(time) {
    return time ? `${time.slice(0, 16).replace("T", " ")} UTC` : "";
  }

  function highlighted(text, trigger) {
    const at = trigger ? text.toLowerCase().indexOf(trigger.toLowerCase()) : -1;
    if (at < 0) return [text];
    return [text.slice(0, at), el("mark", {}, [text.slice(at, at + trigger.length)]),
      text.slice(at + trigger.length)];
  }

  /* One event: a store row (sentence, trigger, article_url) or a RelationEvent (evidence). */
  function eventItem(event) {
    const tone = C.signClass(event.goldstein);
    const text = event.sentence !== undefined ? event.sentence : event.evidence.text;
    const trigger = event.trigger !== undefined ? event.trigger : event.evidence.trigger;
    const title = event.article_title ? `${event.article_title}` : `article ${event.article_id}`;
    const article = event.article_url
      ? el("a", { href: event.article_url, rel: "noopener noreferrer", target: "_blank" }, [title])
      : el("span", {}, [title]);
    return el("li", { class: `event ${tone}`, "data-event": event.event_id, "data-quad": event.quad_class,
      "data-time": event.event_time }, [
      el("p", { class: "event-head" }, [
        el("span", { class: "dir" }, [`${event.source} \u2192 ${event.target}`]),
        el("span", { class: "cameo" }, [`${event.cameo_name || "CAMEO"} (${event.cameo_code})`]),
        el("span", { class: `quad q${event.quad_class}` }, [QUADS[event.quad_class] || `quad ${event.quad_class}`]),
        el("span", { class: `gold ${tone}` }, [`Goldstein ${C.signed(event.goldstein)}`]),
      ]),
      el("blockquote", {}, highlighted(text || "", trigger)),
      el("p", { class: "event-foot" }, [article, ` \u00b7 ${when(event.event_time)}`]),
    ]);
  }

  function filterParams() {
    const params = new URLSearchParams({ pair: view.pair });
    for (const [name, id] of [["quad", "ev-quad"], ["root", "ev-root"], ["since", "ev-since"], ["until", "ev-until"]]) {
      const value = document.getElementById(id).value;
      if (value) params.set(name, value);
    }
    return params;
  }

  async function fetchPage(cursor) {
    const params = filterParams();
    params.set("limit", String(EVENTS_PAGE));
    if (cursor) params.set("cursor", cursor);
    const response = await fetch(`/events?${params}`, { headers: { Accept: "application/json" }, cache: "no-store" });
    if (!response.ok) {
      let reason = `HTTP ${response.status}`;
      try { reason += `: ${(await response.json()).error}`; } catch (error) { /* not JSON */ }
      return { unavailable: reason };
    }
    return response.json();
  }

  function drawEvents(events, append) {
    const list = document.getElementById("evidence");
    if (!append) C.clear(list);
    for (const event of events) list.append(eventItem(event));
    if (!list.children.length) list.append(el("li", { class: "empty" }, ["no events match these filters"]));
  }

  function filtered() {
    return ["ev-quad", "ev-root", "ev-since", "ev-until"].some((id) => document.getElementById(id).value);
  }

  /* No store, or a store without the pair: say so, and show the events kept with the pair. */
  async function fallBack(getJson, reason) {
    const [a, b] = view.pair.split("-");
    const kept = await getJson(`/dyads/${a}/${b}/events`);
    document.getElementById("events-note").textContent = `${reason}: showing the latest events kept ` +
      "with the pair instead, unfiltered (is dyadwatch lake running with this worker's DYADWATCH_LAKE_DIR?)";
    document.getElementById("ev-csv").hidden = true;
    document.getElementById("ev-more").hidden = true;
    view.signature = "";
    drawEvents(kept ? kept.events : [], false);
  }

  /* The first page of the pair's events (again when the filters or the store changed);
     `pairEvents`: how many events the pair has (an empty store then says so). */
  async function loadEvents(getJson, force, pairEvents) {
    const page = await fetchPage(null);
    const params = filterParams();
    params.set("limit", "1000");
    const csv = document.getElementById("ev-csv");
    csv.href = `/events.csv?${params}`;
    csv.setAttribute("download", `${view.pair}-events.csv`);
    if (page.unavailable) {
      await fallBack(getJson, `The event store is not available on this worker (GET /events: ${page.unavailable})`);
      return;
    }
    if (!page.count && !filtered() && pairEvents) {
      await fallBack(getJson, `The event store has none of this pair's ${pairEvents} events yet`);
      return;
    }
    csv.hidden = false;
    const signature = JSON.stringify([params.toString(), page.events.map((e) => e.event_id)]);
    if (!force && signature === view.signature) return;
    view.signature = signature;
    view.cursor = page.next_cursor;
    const count = `${page.count}${page.next_cursor ? "+" : ""} event${page.count === 1 ? "" : "s"}`;
    document.getElementById("events-note").textContent =
      `${count} from the event store (GET /events), newest first by event time`;
    drawEvents(page.events, false);
    document.getElementById("ev-more").hidden = !page.next_cursor;
  }

  async function more() {
    if (!view.cursor) return;
    const page = await fetchPage(view.cursor);
    if (page.unavailable) return;
    view.cursor = page.next_cursor;
    drawEvents(page.events, true);
    document.getElementById("ev-more").hidden = !page.next_cursor;
  }

  function drawAlerts(body) {
    const list = document.getElementById("alerts");
    C.clear(list);
    const alerts = body ? body.alerts : [];
    for (const alert of alerts) {
      list.append(el("li", { class: "alert" }, [
        el("strong", {}, [alert.day]),
        ` tension rose ${C.signed(alert.change)} (${alert.tension_before.toFixed(1)} \u2192 ` +
        `${alert.tension_after.toFixed(1)}) by ${when(alert.event_time)}, above the threshold ${alert.threshold}`,
      ]));
    }
    if (!alerts.length) list.append(el("li", { class: "empty" }, ["no alerts in the kept days"]));
  }

  function summaryText(s, asOf) {
    return `As of ${when(asOf)}: ${s.events} events (${s.a}\u2192${s.b} ${s.a_to_b}, ` +
      `${s.b}\u2192${s.a} ${s.b_to_a}) in ${s.articles} article${s.articles === 1 ? "" : "s"} \u00b7 tension ` +
      `${s.tension.toFixed(1)} \u00b7 cooperation ${s.cooperation.toFixed(1)} \u00b7 net ${C.signed(s.net)}` +
      ` \u00b7 change ${C.signed(s.change)} (Goldstein points)`;
  }

  /* Draw the pair view of `pair` at `asOf` (the page's one time); `history` is a promise. */
  async function render(pair, asOf, getJson, historyOf) {
    if (view.pair !== pair) {
      view.pair = pair;
      view.signature = "";
    }
    const [a, b] = pair.split("-");
    const query = asOf ? `?as_of=${encodeURIComponent(asOf)}` : "";
    const [detail, alerts] = await Promise.all([getJson(`/dyads/${a}/${b}${query}`),
      getJson(`/dyads/${a}/${b}/alerts`)]);
    if (pair !== view.pair) return;
    document.getElementById("pair-title").textContent = `${a}\u2013${b}`;
    if (!detail) {
      document.getElementById("pair-summary").textContent = `No events for ${a}\u2013${b} by ${when(asOf)}.`;
      return;
    }
    const s = detail.summary;
    view.events = s.events;
    document.getElementById("pair-summary").textContent = summaryText(s, detail.as_of || asOf);
    document.getElementById("pair-summary").dataset.tension = s.tension.toFixed(1);
    C.timeline(document.getElementById("timeline"), await historyOf(s));
    drawAlerts(alerts);
    await loadEvents(getJson, false, s.events);
  }

  /* Wire the event filters and paging; `getJson` as the page's. */
  function init(getJson) {
    const root = document.getElementById("ev-root");
    for (let i = 1; i <= 20; i += 1) {
      const code = String(i).padStart(2, "0");
      root.append(el("option", { value: code }, [code]));
    }
    const form = document.getElementById("event-filters");
    form.addEventListener("change", () => {
      if (view.pair) loadEvents(getJson, true, view.events).catch(() => {});
    });
    form.addEventListener("submit", (event) => event.preventDefault());
    document.getElementById("ev-more").addEventListener("click", () => more().catch(() => {}));
  }

  return { render, init };
})();
