/* dyadwatch live page: the search box (GET /search) and the sortable, paged table of every
   pair (GET /dyads or /countries/{code} with sort, order, offset, quad, since, until, window). */
"use strict";

const DyadExplore = (() => {
  const C = DyadCharts;
  const PAGE_SIZE = 15;
  const COLUMNS = [
    { key: "pair", label: "Pair", sortable: false },
    { key: "tension", label: "Tension" },
    { key: "cooperation", label: "Cooperation" },
    { key: "net", label: "Net" },
    { key: "events", label: "Events" },
    { key: "volume", label: "Volume" },
    { key: "change", label: "Change" },
  ];
  const table = { sort: "tension", order: "desc", offset: 0, total: 0 };

  const el = C.el;

  function value(id) {
    return document.getElementById(id).value;
  }

  /* Whether the table has an end of range (its figures are then as of that end). */
  function hasUntil() {
    return Boolean(value("tb-until"));
  }

  /* The table's request path for `country` (null: every pair), at `asOf` unless it has an end. */
  function tablePath(country, asOf) {
    const params = new URLSearchParams({ sort: table.sort, order: table.order,
      limit: String(PAGE_SIZE), offset: String(table.offset), window: value("tb-window") });
    for (const [name, id] of [["quad", "tb-quad"], ["since", "tb-since"], ["until", "tb-until"]]) {
      if (value(id)) params.set(name, value(id));
    }
    if (asOf && !hasUntil()) params.set("as_of", asOf);
    const base = country ? `/countries/${encodeURIComponent(country)}` : "/dyads";
    return `${base}?${params}`;
  }

  function headerCell(column) {
    if (column.sortable === false) return el("th", { scope: "col" }, [column.label]);
    const active = table.sort === column.key;
    const sort = active ? (table.order === "desc" ? "descending" : "ascending") : "none";
    const arrow = active ? (table.order === "desc" ? " \u25BC" : " \u25B2") : "";
    return el("th", { scope: "col", "aria-sort": sort }, [
      el("button", { type: "button", class: "sort", "data-sort": column.key }, [column.label + arrow]),
    ]);
  }

  function row(item, selected) {
    const name = `${item.a}\u2013${item.b}`;
    const cells = [
      el("td", {}, [el("button", { type: "button", class: "link", "data-pair": item.pair,
        "aria-pressed": item.pair === selected ? "true" : "false",
        "aria-label": `${name}: open its events` }, [name])]),
      el("td", { class: "num neg" }, [item.tension.toFixed(1)]),
      el("td", { class: "num pos" }, [item.cooperation.toFixed(1)]),
      el("td", { class: `num ${C.signClass(item.net)}` }, [C.signed(item.net)]),
      el("td", { class: "num" }, [String(item.events)]),
      el("td", { class: "num" }, [String(item.volume)]),
      el("td", { class: "num" }, [C.signed(item.change)]),
    ];
    return el("tr", { "data-pair": item.pair }, cells);
  }

  /* Draw one page of the table from a /dyads or /countries body. */
  function renderTable(body, selected, countryName) {
    table.total = body.total;
    const node = document.getElementById("pairs-table");
    const focused = node.contains(document.activeElement) ? document.activeElement : null;
    const again = focused && (focused.dataset.sort ? `[data-sort="${focused.dataset.sort}"]`
      : focused.dataset.pair ? `button[data-pair="${focused.dataset.pair}"]` : null);
    const head = node.querySelector("thead tr");
    C.clear(head);
    for (const column of COLUMNS) head.append(headerCell(column));
    const tbody = node.querySelector("tbody");
    C.clear(tbody);
    for (const item of body.dyads) tbody.append(row(item, selected));
    if (!body.dyads.length) {
      tbody.append(el("tr", {}, [el("td", { colspan: COLUMNS.length, class: "empty" }, ["no pairs match"])]));
    }
    const first = body.total ? body.offset + 1 : 0;
    document.getElementById("tb-range").textContent =
      `pairs ${first}\u2013${body.offset + body.dyads.length} of ${body.total}`;
    document.getElementById("tb-prev").disabled = body.offset <= 0;
    document.getElementById("tb-next").disabled = body.offset + body.dyads.length >= body.total;
    if (again) node.querySelector(again)?.focus();
    document.getElementById("table-caption").textContent = countryName
      ? `pairs of ${countryName}, by ${table.sort} (${table.order === "desc" ? "highest" : "lowest"} first)`
      : `every pair, by ${table.sort} (${table.order === "desc" ? "highest" : "lowest"} first)`;
  }

  /* Wire the table's controls; `changed()` is called when the query changes. */
  function initTable(changed) {
    document.getElementById("pairs-table").addEventListener("click", (event) => {
      const button = event.target.closest("button.sort");
      if (!button) return;
      const key = button.dataset.sort;
      table.order = table.sort === key && table.order === "desc" ? "asc" : "desc";
      table.sort = key;
      table.offset = 0;
      changed();
    });
    document.getElementById("tb-prev").addEventListener("click", () => {
      table.offset = Math.max(0, table.offset - PAGE_SIZE);
      changed();
    });
    document.getElementById("tb-next").addEventListener("click", () => {
      if (table.offset + PAGE_SIZE < table.total) table.offset += PAGE_SIZE;
      changed();
    });
    document.getElementById("table-filters").addEventListener("change", () => {
      table.offset = 0;
      changed();
    });
    document.getElementById("table-filters").addEventListener("submit", (e) => e.preventDefault());
  }

  function resetPage() {
    table.offset = 0;
  }

  /* ---- search ---- */
  let searchTimer = null;
  let active = -1;

  function closeSuggestions() {
    const list = document.getElementById("search-results");
    list.hidden = true;
    active = -1;
    document.getElementById("search-input").setAttribute("aria-expanded", "false");
    document.getElementById("search-input").removeAttribute("aria-activedescendant");
  }

  function showSuggestions(text, items, onPick) {
    const list = document.getElementById("search-results");
    C.clear(list);
    active = -1;
    list.dataset.q = text;
    items.forEach((item, i) => {
      const option = el("li", { id: `suggestion-${i}`, role: "option", class: `suggestion ${item.kind}`,
        "data-kind": item.kind, "data-value": item.kind === "pair" ? item.pair : item.code,
        "aria-selected": "false" }, [item.label,
        el("span", { class: "muted" }, [item.kind === "pair" ? ` pair · ${item.events} events`
          : ` country · ${item.events} events`])]);
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        closeSuggestions();
        onPick(item);
      });
      list.append(option);
    });
    if (!items.length) list.append(el("li", { class: "suggestion none", role: "option", "aria-disabled": "true" }, ["nothing found"]));
    list.hidden = false;
    document.getElementById("search-input").setAttribute("aria-expanded", "true");
    list.items = items;
  }

  async function lookUp(text, onPick, getJson) {
    if (!text.trim()) {
      closeSuggestions();
      return;
    }
    const body = await getJson(`/search?q=${encodeURIComponent(text)}&limit=8`);
    if (document.getElementById("search-input").value === text) showSuggestions(text, body ? body.suggestions : [], onPick);
  }

  function move(step) {
    const list = document.getElementById("search-results");
    const options = [...list.querySelectorAll("[data-kind]")];
    if (!options.length) return;
    active = (active + step + options.length) % options.length;
    options.forEach((option, i) => option.setAttribute("aria-selected", i === active ? "true" : "false"));
    document.getElementById("search-input").setAttribute("aria-activedescendant", options[active].id);
  }

  /* Wire the search box: suggestions as you type, arrows and Enter to pick. */
  function initSearch(onPick, getJson) {
    const input = document.getElementById("search-input");
    input.addEventListener("input", () => {
      window.clearTimeout(searchTimer);
      searchTimer = window.setTimeout(() => lookUp(input.value, onPick, getJson).catch(() => {}), 150);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        move(event.key === "ArrowDown" ? 1 : -1);
      } else if (event.key === "Escape") {
        closeSuggestions();
      }
    });
    input.addEventListener("blur", () => window.setTimeout(closeSuggestions, 100));
    document.getElementById("search").addEventListener("submit", async (event) => {
      event.preventDefault();
      let items = document.getElementById("search-results").items || [];
      if (!items.length || document.getElementById("search-results").hidden) {
        const body = await getJson(`/search?q=${encodeURIComponent(input.value)}&limit=8`);
        items = body ? body.suggestions : [];
      }
      const pick = items[Math.max(0, active)];
      closeSuggestions();
      if (pick) onPick(pick);
    });
  }

  return { tablePath, hasUntil, renderTable, initTable, initSearch, resetPage };
})();
