/* dyadwatch live page: SVG drawing (sparklines, timeline, network). No dependencies. */
"use strict";

const DyadCharts = (() => {
  const SVG_NS = "http://www.w3.org/2000/svg";

  function svg(tag, attrs, children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    for (const child of children || []) node.append(child);
    return node;
  }

  /* An HTML element; attributes that are null or undefined are left out. */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value !== undefined && value !== null) node.setAttribute(key, String(value));
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.firstChild.remove();
  }

  function signed(value, digits = 1) {
    const text = Math.abs(value).toFixed(digits);
    return value > 0 ? `+${text}` : value < 0 ? `\u2212${text}` : text;
  }

  function signClass(value) {
    return value > 0 ? "pos" : value < 0 ? "neg" : "zero";
  }

  /* Daily net as bars around a baseline: cooperation up (blue), tension down (orange). */
  function sparkline(history, width = 120, height = 28) {
    const label = history && history.length
      ? `daily net over ${history.length} days, latest ${signed(history[history.length - 1].net)}`
      : "no history yet";
    const root = svg("svg", { class: "spark", viewBox: `0 0 ${width} ${height}`, width, height,
      role: "img", "aria-label": label });
    const mid = height / 2;
    root.append(svg("line", { x1: 0, y1: mid, x2: width, y2: mid, class: "baseline" }));
    if (!history || !history.length) return root;
    const peak = Math.max(1e-9, ...history.map((d) => Math.abs(d.net)));
    const step = width / history.length;
    history.forEach((day, i) => {
      if (!day.net && !day.events) return;
      const h = day.net ? Math.max(1, (Math.abs(day.net) / peak) * (mid - 1)) : 1;
      root.append(svg("rect", { x: (i * step + 0.5).toFixed(2), width: Math.max(1, step - 1).toFixed(2),
        y: (day.net > 0 ? mid - h : mid).toFixed(2), height: h.toFixed(2),
        class: `bar ${signClass(day.net)}` }));
    });
    return root;
  }

  function timelineBars(root, history, box, peak) {
    const step = box.width / history.length;
    const scale = (v) => (v / peak) * box.half;
    history.forEach((day, i) => {
      const x = box.left + i * step + 0.5;
      const w = Math.max(1, step - 1);
      const title = `${day.day}: ${day.events} events, cooperation ${day.cooperation.toFixed(1)}, ` +
        `tension ${day.tension.toFixed(1)}, net ${signed(day.net)} Goldstein points`;
      if (day.cooperation > 0) {
        root.append(svg("rect", { x, width: w, y: box.mid - scale(day.cooperation),
          height: scale(day.cooperation), class: "bar pos" }, [svg("title", {}, [title])]));
      }
      if (day.tension > 0) {
        root.append(svg("rect", { x, width: w, y: box.mid, height: scale(day.tension),
          class: "bar neg hatched" }, [svg("title", {}, [title])]));
      }
    });
  }

  function niceCeil(value) {
    const power = 10 ** Math.floor(Math.log10(value));
    return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= value);
  }

  /* The y axis: ticks at 0, ±half and ±peak Goldstein points, and its title. */
  function timelineAxes(root, box, peak) {
    for (const t of [-1, -0.5, 0, 0.5, 1]) {
      const y = box.mid - t * box.half;
      root.append(svg("line", { x1: box.left - 4, y1: y, x2: box.left + box.width, y2: y,
        class: t === 0 ? "axis" : "grid" }));
      root.append(svg("text", { x: box.left - 6, y: y + 4, class: "axis-label", "text-anchor": "end" },
        [t === 0 ? "0" : `${t > 0 ? "+" : "\u2212"}${Math.abs(t * peak)}`]));
    }
    root.append(svg("text", { x: 12, y: box.mid, class: "axis-title", "text-anchor": "middle",
      transform: `rotate(-90 12 ${box.mid})` }, ["Goldstein points per day"]));
    root.append(svg("text", { x: box.left + 4, y: 12, class: "axis-label" }, ["\u25B2 cooperation"]));
    root.append(svg("text", { x: box.left + 4, y: box.mid + box.half + 12, class: "axis-label" },
      ["\u25BC tension (hatched)"]));
  }

  /* A pair's daily history: cooperation above the axis, tension below (hatched), with a
     labelled y axis (Goldstein points per day, undecayed) and the days on the x axis. */
  function timeline(root, history) {
    clear(root);
    const box = { left: 64, width: 484, mid: 90, half: 74 };
    if (!history || !history.length) {
      root.setAttribute("aria-label", "No history yet for this pair");
      root.append(svg("text", { x: box.left + box.width / 2, y: box.mid - 8, class: "empty",
        "text-anchor": "middle" }, ["no history yet"]));
      return;
    }
    const peak = niceCeil(Math.max(1, ...history.map((d) => Math.max(d.cooperation, d.tension))));
    timelineAxes(root, box, peak);
    timelineBars(root, history, box, peak);
    const total = history.reduce((sum, d) => sum + d.events, 0);
    root.setAttribute("aria-label", `Daily history from ${history[0].day} to ` +
      `${history[history.length - 1].day}: ${total} events; cooperation up, tension down, in ` +
      `Goldstein points per day (scale ${peak})`);
    const middle = history[Math.floor(history.length / 2)].day;
    const y = box.mid + box.half + 26;
    root.append(svg("text", { x: box.left, y, class: "axis-label" }, [history[0].day]));
    root.append(svg("text", { x: box.left + box.width / 2, y, class: "axis-label", "text-anchor": "middle" }, [middle]));
    root.append(svg("text", { x: box.left + box.width, y, class: "axis-label",
      "text-anchor": "end" }, [history[history.length - 1].day]));
    root.append(svg("text", { x: box.left + box.width / 2, y: y + 14, class: "axis-title",
      "text-anchor": "middle" }, ["day (UTC)"]));
  }

  function circleLayout(countries, size) {
    const centre = size / 2;
    const radius = size / 2 - 46;
    const places = new Map();
    countries.forEach((code, i) => {
      const angle = (2 * Math.PI * i) / countries.length - Math.PI / 2;
      places.set(code, { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle),
        angle });
    });
    return places;
  }

  function networkEdge(row, places, maxEvents, selected) {
    const a = places.get(row.a);
    const b = places.get(row.b);
    const width = 1.5 + 7 * Math.sqrt(row.events / maxEvents);
    const label = `${row.a}\u2013${row.b}: net ${signed(row.net)}, ${row.events} events`;
    const cls = `edge edge-${signClass(row.net)}${row.pair === selected ? " selected" : ""}`;
    const path = `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q260,260 ${b.x.toFixed(1)},${b.y.toFixed(1)}`;
    return svg("g", { class: cls, tabindex: 0, role: "button", "aria-label": label,
      "data-pair": row.pair }, [
      svg("title", {}, [label]),
      svg("path", { d: path, class: "hit" }),
      svg("path", { d: path, class: "stroke", "stroke-width": width.toFixed(1) }),
    ]);
  }

  function networkNode(code, place) {
    const lx = 260 + (place.x - 260) * 1.13;
    const ly = 260 + (place.y - 260) * 1.13;
    return svg("g", { class: "node", "aria-hidden": "true" }, [
      svg("circle", { cx: place.x.toFixed(1), cy: place.y.toFixed(1), r: 6 }),
      svg("text", { x: lx.toFixed(1), y: (ly + 4).toFixed(1), "text-anchor": "middle" }, [code]),
    ]);
  }

  /* Countries on a circle, one curved edge per pair (width: events, colour and dash: net). */
  function network(root, rows, selected) {
    clear(root);
    const countries = [...new Set(rows.flatMap((r) => [r.a, r.b]))].sort();
    if (!rows.length) {
      root.append(svg("text", { x: 260, y: 260, class: "empty", "text-anchor": "middle" },
        ["no events yet"]));
      return;
    }
    const places = circleLayout(countries, 520);
    const maxEvents = Math.max(...rows.map((r) => r.events));
    const ordered = [...rows].sort((p, q) => p.events - q.events);
    for (const row of ordered) root.append(networkEdge(row, places, maxEvents, selected));
    for (const code of countries) root.append(networkNode(code, places.get(code)));
  }

  return { svg, el, clear, signed, signClass, sparkline, timeline, network };
})();
