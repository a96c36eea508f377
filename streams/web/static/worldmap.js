/* dyadwatch live page: the world map, coloured by one country's net relation with each other.
   Country shapes: static/world.json (Natural Earth 1:110m via world-atlas, pre-projected SVG
   paths keyed by ISO alpha-3; built by scripts/build_map.py). No dependencies, no CDN. */
"use strict";

const DyadMap = (() => {
  const C = DyadCharts;
  /* Diverging, colour-blind safe: ColorBrewer PuOr's orange arm (tension) and RdBu's blue arm
     (cooperation), a near-white middle; countries without data are grey. */
  const CLASSES = [
    { fill: "#b35806", label: "strong tension" },
    { fill: "#f1a340", label: "tension" },
    { fill: "#fee0b6", label: "slight tension" },
    { fill: "#f7f7f7", label: "balanced" },
    { fill: "#d1e5f0", label: "slight cooperation" },
    { fill: "#67a9cf", label: "cooperation" },
    { fill: "#2166ac", label: "strong cooperation" },
  ];
  const NO_DATA = "#d4d6da";
  let shapes = null;

  async function load() {
    if (shapes) return shapes;
    const response = await fetch(document.getElementById("map").dataset.src);
    if (!response.ok) throw new Error(`world map: HTTP ${response.status}`);
    shapes = await response.json();
    return shapes;
  }

  function classOf(net, peak) {
    const t = peak > 0 ? net / peak : 0;
    return Math.max(-3, Math.min(3, Math.round(t * 3))) + 3;
  }

  /* net of `country` with each partner: Map(code -> row). */
  function partners(country, rows) {
    const out = new Map();
    for (const row of rows) {
      if (row.a === country) out.set(row.b, row);
      else if (row.b === country) out.set(row.a, row);
    }
    return out;
  }

  function countryPath(code, shape, row, peak, country) {
    const attrs = { d: shape.d, "data-code": code, class: "country" };
    if (code === country) {
      attrs.class = "country chosen";
      attrs.fill = "#1c2430";
    } else if (row) {
      const k = classOf(row.net, peak);
      attrs.fill = CLASSES[k].fill;
      attrs["data-class"] = String(k);
    } else {
      attrs.fill = NO_DATA;
      attrs["data-class"] = "none";
    }
    const label = row
      ? `${shape.name} (${code}): net ${C.signed(row.net)} with ${country}, ${row.events} events. Open ${code}.`
      : `${shape.name} (${code})${code === country ? ", the chosen country" : ": no events with " + country}`;
    if (row || code === country) Object.assign(attrs, { tabindex: 0, role: "button", "aria-label": label });
    return C.svg("path", attrs, [C.svg("title", {}, [label])]);
  }

  function legend(node, peak, country) {
    C.clear(node);
    const step = peak / 3;
    const range = (k) => {
      const lo = (k - 3) * step - step / 2;
      const hi = (k - 3) * step + step / 2;
      if (k === 0) return `< ${C.signed(hi)}`;
      if (k === 6) return `> ${C.signed(lo)}`;
      return `${C.signed(lo)} to ${C.signed(hi)}`;
    };
    CLASSES.forEach((item, k) => {
      node.append(Object.assign(document.createElement("span"), { className: "key" }));
      const key = node.lastChild;
      const box = C.svg("svg", { width: 14, height: 14, "aria-hidden": "true" },
        [C.svg("rect", { width: 14, height: 14, fill: item.fill, stroke: "#8a8f98" })]);
      key.append(box, ` ${item.label} (net ${peak > 0 ? range(k) : "0"})`);
    });
    const none = Object.assign(document.createElement("span"), { className: "key" });
    none.append(C.svg("svg", { width: 14, height: 14, "aria-hidden": "true" },
      [C.svg("rect", { width: 14, height: 14, fill: NO_DATA })]), " no events with " + country);
    node.append(none);
  }

  /* Draw the map for `country` from its pairs `rows` (PairSummary rows). */
  async function draw(root, legendNode, country, rows) {
    const world = await load();
    const mine = partners(country, rows);
    const peak = Math.max(0, ...[...mine.values()].map((row) => Math.abs(row.net)));
    C.clear(root);
    root.setAttribute("viewBox", `0 0 ${world.width} ${world.height}`);
    const others = Object.entries(world.countries);
    for (const [code, shape] of others) root.append(countryPath(code, shape, mine.get(code), peak, country));
    root.setAttribute("aria-label", `World map: net relation of ${country} with ${mine.size} ` +
      "countries (orange: tension, blue: cooperation, grey: no events)");
    legend(legendNode, peak, country);
    return [...mine.keys()].filter((code) => !world.countries[code]);
  }

  return { draw, CLASSES, NO_DATA };
})();
