// The polgraph explorer: search, actor pages, interaction networks, elections, protests. It reads only the
// API's typed endpoints (/entities, /queries/{name}); nothing is fetched from another host.
"use strict";

// PLOVER types, cooperative first. Cooperation is drawn solid in greens and blues, conflict dashed in reds,
// so that the two read apart at a glance whatever the exact type.
const PLOVER = {
  AGREE: { color: "#1b7f3b", conflict: false },
  CONSULT: { color: "#2f6fb3", conflict: false },
  SUPPORT: { color: "#2e9d4b", conflict: false },
  CONCEDE: { color: "#6aa84f", conflict: false },
  COOPERATE: { color: "#3c9d8f", conflict: false },
  AID: { color: "#55a868", conflict: false },
  RETREAT: { color: "#8fbf6f", conflict: false },
  REQUEST: { color: "#7f7f9f", conflict: false },
  ACCUSE: { color: "#e07020", conflict: true },
  REJECT: { color: "#d08a2a", conflict: true },
  THREATEN: { color: "#d1452f", conflict: true },
  PROTEST: { color: "#c9a227", conflict: true },
  SANCTION: { color: "#b03a48", conflict: true },
  MOBILIZE: { color: "#a0522d", conflict: true },
  COERCE: { color: "#c8372d", conflict: true },
  ASSAULT: { color: "#8b0000", conflict: true },
};
const EVENT_COLORS = {
  Protest: "#c9a227", Uprising: "#b8651b", Revolution: "#a0522d", Clash: "#c8372d", Arrest: "#8e3b46",
  Resignation: "#6c757d",
};
const STRUCTURAL = { MEMBER_OF: "#9467bd", LEADS: "#9467bd", HOLDS_ROLE: "#9467bd", CANDIDATE_IN: "#c9a227" };
const NODE_COLORS = {
  Person: "#4c8eda", Party: "#da7194", Organization: "#57a773", Country: "#f16667", Location: "#f79767",
  Office: "#c990c0", Election: "#ffc454", Event: "#57c7e3",
};

const view = document.getElementById("view");
const detail = document.getElementById("detail");
const detailBody = document.getElementById("detail-body");
let graph = null; // the cytoscape instance on screen, if any

// ------------------------------------------------------------------------------------------------ helpers

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || `${response.status} ${response.statusText}`);
  return body;
}

const saved = (name, params) => api(`/queries/${name}`, params).then((body) => body.rows);

function typeBadge(type) {
  const color = (PLOVER[type] && PLOVER[type].color) || STRUCTURAL[type] || EVENT_COLORS[type] || "#777";
  return h("span", { class: "type", style: `background:${color}` }, type);
}

function actorLink(id, name, label) {
  if (!id) return h("span", {}, name || "—");
  if (label === "Election") return h("a", { href: `#/elections?focus=${encodeURIComponent(id)}` }, name);
  return h("a", { href: `#/actor/${encodeURIComponent(id)}` }, name || id);
}

function articleLink(title, url, published) {
  const text = title || "untitled article";
  return h("span", {}, url ? h("a", { href: url, target: "_blank", rel: "noopener" }, text) : text,
    published ? h("span", { class: "muted" }, ` · ${published}`) : null);
}

function sentenceText(sentence) {
  return (sentence || "").replace(/\s+/g, " ").trim();
}

function setView(...children) {
  if (graph) { graph.destroy(); graph = null; }
  closeDetail();
  view.replaceChildren(...children);
}

function failed(error) {
  return h("p", { class: "error" }, `Could not load: ${error.message}`);
}

function closeDetail() {
  detail.hidden = true;
  detailBody.replaceChildren();
}
document.getElementById("detail-close").addEventListener("click", closeDetail);

function showDetail(...children) {
  detailBody.replaceChildren(...children);
  detail.hidden = false;
}

// ------------------------------------------------------------------------------------------------ search

const searchInput = document.getElementById("search");
const searchResults = document.getElementById("search-results");
let searchTimer = null;
let searchSeq = 0;

async function runSearch() {
  const q = searchInput.value.trim();
  const seq = ++searchSeq;
  if (q.length < 2) { searchResults.hidden = true; return; }
  try {
    const body = await api("/entities", { q, limit: 10 });
    if (seq !== searchSeq) return;
    const items = body.results.map((hit) => h("li", {},
      h("a", { href: `#/actor/${encodeURIComponent(hit.id)}`, "data-id": hit.id },
        h("strong", {}, hit.name), " ", h("span", { class: "hint" }, hit.type),
        hit.matched && hit.matched !== hit.name ? h("div", { class: "hint" }, `as “${hit.matched}”`) : null)));
    searchResults.replaceChildren(...(items.length ? items : [h("li", {}, h("a", {}, "No actor by that name"))]));
    searchResults.hidden = false;
  } catch (error) {
    searchResults.replaceChildren(h("li", {}, h("a", {}, error.message)));
    searchResults.hidden = false;
  }
}

searchInput.addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(runSearch, 200);
});
document.getElementById("search-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  clearTimeout(searchTimer);
  await runSearch();
  const first = searchResults.querySelector("a[data-id]");
  if (first) location.hash = first.getAttribute("href");
});
searchResults.addEventListener("click", () => { searchResults.hidden = true; });
document.addEventListener("click", (event) => {
  if (!event.target.closest("#search-form")) searchResults.hidden = true;
});

// ------------------------------------------------------------------------------------------------ network

function legend(types) {
  return h("div", { class: "legend" },
    h("span", {}, h("strong", {}, "Cooperation"), " solid, ", h("strong", {}, "conflict"), " dashed:"),
    types.map((t) => h("span", {}, h("span", {
      class: `swatch${PLOVER[t] && PLOVER[t].conflict ? " conflict" : ""}`,
      style: `border-top-color:${(PLOVER[t] && PLOVER[t].color) || STRUCTURAL[t] || "#777"}`,
    }), t)));
}

// Facts (rows of `interactions` and alike) as a network; `focus` is drawn larger.
function drawNetwork(container, rows, focus) {
  const nodes = new Map();
  const edges = [];
  for (const row of rows) {
    for (const [id, name, label] of [[row.source_id, row.source, row.source_label], [row.target_id, row.target, row.target_label]]) {
      if (id && !nodes.has(id)) nodes.set(id, { data: { id, name: name || id, label: label || "", focus: id === focus ? 1 : 0 } });
    }
    if (!row.source_id || !row.target_id) continue;
    const plover = PLOVER[row.type];
    edges.push({
      data: {
        id: `${row.type}:${row.key}`, source: row.source_id, target: row.target_id, type: row.type, key: row.key,
        color: (plover && plover.color) || STRUCTURAL[row.type] || "#888",
        style: plover && plover.conflict ? "dashed" : "solid", width: 1.5 + Math.min(row.sources || 1, 6),
        row,
      },
    });
  }
  graph = cytoscape({
    container,
    elements: [...nodes.values(), ...edges],
    style: [
      { selector: "node", style: {
        label: "data(name)", "background-color": (n) => NODE_COLORS[n.data("label")] || "#a5abb6",
        "font-size": 11, "text-wrap": "wrap", "text-max-width": 110, "text-valign": "bottom", "text-margin-y": 4,
        width: 26, height: 26, "border-width": 1, "border-color": "#fff" } },
      { selector: "node[focus = 1]", style: { width: 44, height: 44, "font-weight": "bold", "font-size": 13 } },
      { selector: "edge", style: {
        "line-color": "data(color)", "target-arrow-color": "data(color)", "target-arrow-shape": "triangle",
        "line-style": "data(style)", width: "data(width)", "curve-style": "bezier", label: "data(type)",
        "font-size": 9, color: "#555", "text-rotation": "autorotate", "text-background-color": "#fff",
        "text-background-opacity": 0.8, "text-background-padding": 1 } },
      { selector: "edge:selected", style: { "underlay-color": "#ffd54f", "underlay-opacity": 0.6, "underlay-padding": 4 } },
    ],
    // An actor in the middle of a ring of the actors it deals with; a whole network spread by force.
    layout: focus
      ? { name: "concentric", concentric: (n) => (n.data("focus") ? 2 : 1), levelWidth: () => 1, minNodeSpacing: 60, padding: 30, animate: false }
      : { name: "cose", animate: false, padding: 30, nodeRepulsion: () => 400000, idealEdgeLength: () => 120, nodeOverlap: 40, componentSpacing: 100 },
  });
  graph.on("tap", "edge", (event) => showFact(event.target.data("row")));
  graph.on("tap", "node", (event) => {
    const id = event.target.id();
    if (id !== focus && !id.startsWith("election:") && !id.startsWith("event:")) location.hash = `#/actor/${encodeURIComponent(id)}`;
  });
  return graph;
}

async function showFact(row) {
  const header = h("div", {},
    h("h2", {}, actorLink(row.source_id, row.source, row.source_label), " ", typeBadge(row.type), " ",
      actorLink(row.target_id, row.target, row.target_label)),
    h("p", { class: "muted" }, [row.date ? `Dated ${row.date}` : "Undated",
      ` · told by ${row.sources || 1} article${(row.sources || 1) === 1 ? "" : "s"}`,
      row.claimed_by ? ` · claimed by ${row.claimed_by}` : ""].join("")));
  showDetail(header, h("p", { class: "muted" }, "Loading the sentences…"));
  try {
    const evidence = await saved("evidence", { key: row.key, limit: 50 });
    showDetail(header, h("div", { id: "fact-evidence" }, evidence.map((ev) => h("div", { class: "evidence" },
      h("blockquote", { class: "sentence" }, `“${sentenceText(ev.sentence)}”`),
      articleLink(ev.title, ev.url, ev.published)))));
  } catch (error) {
    showDetail(header, failed(error));
  }
}

// ------------------------------------------------------------------------------------------------ pages

function home() {
  setView(
    h("h1", {}, "Who did what to whom"),
    h("p", { class: "muted" }, "Type a name above, in any spelling (",
      ["atambaev", "Bakiyev", "nazarbaev"].map((q, i) => [i ? ", " : "", h("a", { href: "#/", onclick: (event) => {
        event.preventDefault();
        searchInput.value = q;
        searchInput.focus();
        runSearch();
      } }, `“${q}”`)]),
      "), to open an actor: names, roles, parties, the network of their interactions, a timeline and the ",
      "sentences behind every fact."),
    h("div", { class: "home-links" },
      h("a", { class: "card", href: "#/network" }, h("h2", {}, "Who backed / accused whom"), h("span", { class: "muted" }, "Support and accusations as a network, with filters.")),
      h("a", { class: "card", href: "#/elections" }, h("h2", {}, "Elections"), h("span", { class: "muted" }, "Results as bars, with the articles that reported them.")),
      h("a", { class: "card", href: "#/protests" }, h("h2", {}, "Protests and crackdowns"), h("span", { class: "muted" }, "Protests, arrests, clashes: counts and dates.")),
    ),
  );
}

async function actorPage(id) {
  setView(h("p", { class: "muted" }, "Loading…"));
  let profile;
  let facts;
  let timeline;
  try {
    [profile, facts, timeline] = await Promise.all([
      saved("actor_profile", { actor: id, top: 25 }),
      saved("interactions", { actor: id, limit: 300 }),
      saved("actor_timeline", { actor: id, limit: 300 }),
    ]);
  } catch (error) {
    setView(failed(error));
    return;
  }
  if (!profile.length) { setView(h("p", {}, `No actor ${id}.`)); return; }
  const actor = profile[0];
  document.title = `${actor.name} · polgraph`;
  const structural = (actor.roles || []).map((r) => ({ ...r, type: r.type }));
  const networkRows = [...facts, ...structural.filter((r) => r.type !== "HOLDS_ROLE")];
  const types = [...new Set(networkRows.map((r) => r.type))];
  const graphBox = h("div", { id: "actor-graph", class: "graph" });

  const roles = (actor.roles || []).slice().sort((a, b) => String(a.first_date || "").localeCompare(String(b.first_date || "")));
  const rolesTable = roles.length ? h("table", {},
    h("tr", {}, h("th", {}, "role"), h("th", {}, "of"), h("th", {}, "dates")),
    roles.map((r) => h("tr", {},
      h("td", {}, r.title || r.type.replace("_", " ").toLowerCase()),
      h("td", {}, actorLink(r.target_id, r.target, r.target_label)),
      h("td", {}, r.first_date ? (r.last_date && r.last_date !== r.first_date ? `${r.first_date} – ${r.last_date}` : r.first_date) : h("span", { class: "muted" }, "undated")))))
    : h("p", { class: "muted" }, "No roles found.");

  const elections = (actor.elections || []).map((e) => h("li", {},
    actorLink(e.target_id, e.target, "Election"), " ",
    e.vote_share !== null && e.vote_share !== undefined ? `${e.vote_share} %` : "", e.won ? " (won)" : e.won === false ? " (lost)" : ""));

  const timelineList = h("ul", { class: "timeline", id: "actor-timeline" }, timeline.map((t) => h("li", {},
    h("div", { class: "when" }, t.date || "undated", " ", typeBadge(t.type)),
    h("div", {}, actorLink(t.source_id, t.source, t.source_label), " → ", actorLink(t.target_id, t.target, t.target_label)),
    t.sentence ? h("blockquote", {}, `“${sentenceText(t.sentence)}”`) : null,
    t.title ? h("div", { class: "muted" }, articleLink(t.title, null, t.published)) : null)));

  setView(
    h("h1", { id: "actor-name" }, actor.name),
    h("div", { class: "muted" }, actor.type, actor.country ? ` · ${actor.country}` : "", ` · ${actor.articles} article${actor.articles === 1 ? "" : "s"}`),
    h("div", { class: "chips", id: "actor-aliases" }, (actor.aliases || []).filter((a) => a !== actor.name).map((a) => h("span", { class: "chip" }, a))),
    h("div", { class: "grid" },
      h("div", { class: "stack" },
        h("div", { class: "card" },
          h("h2", {}, `Network: ${facts.length} interaction${facts.length === 1 ? "" : "s"}`),
          h("p", { class: "muted" }, "Click a line to read the sentences behind it; click a name to open that actor."),
          graphBox, legend(types)),
        h("div", { class: "card" }, h("h2", {}, "Timeline"), timeline.length ? timelineList : h("p", { class: "muted" }, "Nothing dated."))),
      h("div", { class: "stack" },
        h("div", { class: "card" }, h("h2", {}, "Roles"), rolesTable),
        h("div", { class: "card" }, h("h2", {}, "Parties"),
          (actor.parties || []).length ? h("div", { class: "chips" }, actor.parties.map((p) => h("span", { class: "chip" }, p))) : h("p", { class: "muted" }, "None found.")),
        h("div", { class: "card" }, h("h2", {}, "Elections"), elections.length ? h("ul", {}, elections) : h("p", { class: "muted" }, "None found.")))),
  );
  drawNetwork(graphBox, networkRows, actor.id);
}

async function networkPage(params) {
  const type = params.get("type") || "SUPPORT";
  const form = h("form", { class: "filters", id: "network-filters" },
    h("label", {}, "Type", h("select", { name: "type" },
      [["SUPPORT", "who backed whom (SUPPORT)"], ["ACCUSE", "who accused whom (ACCUSE)"], ["", "every interaction"],
        ...Object.keys(PLOVER).filter((t) => t !== "SUPPORT" && t !== "ACCUSE").map((t) => [t, t])]
        .map(([value, text]) => h("option", { value, selected: value === type || (value === "" && type === "ALL") }, text)))),
    h("label", {}, "Country", h("input", { name: "country", value: params.get("country") || "", placeholder: "any" })),
    h("label", {}, "From", h("input", { name: "from_date", type: "date", value: params.get("from_date") || "" })),
    h("label", {}, "To", h("input", { name: "to_date", type: "date", value: params.get("to_date") || "" })),
    h("label", {}, "Min. sources", h("input", { name: "min_sources", type: "number", min: 1, max: 1000, value: params.get("min_sources") || "1", style: "width:80px" })),
    h("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (value) values.set(key, value);
    if (!values.get("type")) values.set("type", "ALL");
    location.hash = `#/network?${values}`;
  });
  const box = h("div", { class: "graph", id: "network-graph" });
  const status = h("p", { class: "muted" }, "Loading…");
  setView(h("h1", {}, "Who backed whom, who accused whom"), form, status, box);
  try {
    const rows = await saved("interactions", {
      type: type === "ALL" ? null : type, country: params.get("country"), from_date: params.get("from_date"),
      to_date: params.get("to_date"), min_sources: params.get("min_sources"), limit: 300,
    });
    status.replaceChildren(`${rows.length} fact${rows.length === 1 ? "" : "s"}. Click a line to read its sentences.`);
    if (rows.length) {
      drawNetwork(box, rows, null);
      box.after(legend([...new Set(rows.map((r) => r.type))]));
    }
  } catch (error) {
    status.replaceChildren(failed(error));
  }
}

function electionCard(e, focus) {
  const results = (e.results || []).slice().sort((a, b) => (b.vote_share || 0) - (a.vote_share || 0));
  const max = Math.max(100, ...results.map((r) => r.vote_share || 0));
  return h("div", { class: "card election", id: focus === e.election_id ? "focused-election" : null, "data-id": e.election_id },
    h("h2", {}, e.name || e.election_id),
    h("div", { class: "muted" }, e.date || "undated", e.annulled ? " · annulled" : "", e.turnout ? ` · turnout ${e.turnout} %` : ""),
    (e.allegations || []).length ? h("div", { class: "chips" }, e.allegations.map((a) => h("span", { class: "chip" }, a))) : null,
    results.length ? h("div", { class: "bars" }, results.map((r) => h("div", { class: `bar-row${r.won ? " won" : ""}` },
      h("div", {}, actorLink(r.source_id, r.source, r.source_label), r.won ? " ✓" : ""),
      h("div", { class: "bar" }, h("span", { style: `width:${r.vote_share ? (100 * r.vote_share) / max : 0}%` })),
      h("div", { class: "share" }, r.vote_share !== null && r.vote_share !== undefined ? `${r.vote_share} %` : r.won ? "won" : "—"))))
      : h("p", { class: "muted" }, "No results reported."),
    h("div", { class: "reported" }, h("span", { class: "muted" }, "Reported in: "), (e.articles || []).map((a, i) => [i ? " · " : "", articleLink(a.title, a.url, a.published)])));
}

async function electionsPage(params) {
  const form = h("form", { class: "filters" },
    h("label", {}, "Country", h("input", { name: "country", value: params.get("country") || "", placeholder: "any" })),
    h("label", {}, "Year", h("input", { name: "year", type: "number", min: 1800, max: 2200, value: params.get("year") || "", style: "width:90px" })),
    h("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (value) values.set(key, value);
    location.hash = `#/elections?${values}`;
  });
  const list = h("div", { class: "elections", id: "elections" }, h("p", { class: "muted" }, "Loading…"));
  setView(h("h1", {}, "Elections"), form, list);
  try {
    const rows = await saved("elections", { country: params.get("country"), year: params.get("year"), limit: 200 });
    const focus = params.get("focus");
    list.replaceChildren(...(rows.length ? rows.map((e) => electionCard(e, focus)) : [h("p", { class: "muted" }, "No elections found.")]));
    const focused = document.getElementById("focused-election");
    if (focused) { focused.style.outline = "2px solid #2f6fb3"; focused.scrollIntoView({ block: "center" }); }
  } catch (error) {
    list.replaceChildren(failed(error));
  }
}

async function protestsPage(params) {
  const summary = h("div", { class: "counts" });
  const table = h("table", { id: "protests" });
  setView(h("h1", {}, "Protests and crackdowns"), summary, h("div", { class: "card" }, table));
  let rows;
  try {
    rows = await saved("protests_and_crackdowns", { country: params.get("country"), limit: 500 });
  } catch (error) {
    table.replaceChildren(h("tr", {}, h("td", {}, failed(error))));
    return;
  }
  const byType = new Map();
  for (const row of rows) byType.set(row.type, (byType.get(row.type) || 0) + 1);
  summary.replaceChildren(...[...byType.entries()].sort((a, b) => b[1] - a[1]).map(([type, n]) => h("div", { class: "count" }, h("b", {}, n), type)));
  const counts = (c) => Object.entries(c || {}).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${k} ${Number(v).toLocaleString("en")}`).join(", ");
  table.replaceChildren(
    h("tr", {}, h("th", {}, "date"), h("th", {}, "what"), h("th", {}, "who"), h("th", {}, "where"), h("th", {}, "counts"), h("th", {}, "source")),
    ...rows.map((r) => {
      const ev = (r.evidence || [])[0];
      const who = r.kind === "event"
        ? (r.participants || []).map((p, i) => [i ? ", " : "", actorLink(p.source_id, p.source, p.source_label), p.role ? ` (${p.role})` : ""])
        : [actorLink(r.source_id, r.source, r.source_label), " → ", actorLink(r.target_id, r.target, r.target_label)];
      const row = h("tr", {},
        h("td", {}, r.date || "undated"),
        h("td", {}, typeBadge(r.type)),
        h("td", {}, who),
        h("td", {}, r.location || ""),
        h("td", {}, counts(r.counts)),
        h("td", {}, ev ? h("div", {}, h("blockquote", {}, `“${sentenceText(ev.sentence)}”`), articleLink(ev.title, null, ev.published)) : ""));
      return row;
    }));
}

// A bar from the middle: conflict to the left in red, cooperation to the right in green; full width is the
// scale's end (Goldstein: -10 to +10 a fact) times the most facts of any row shown.
function balanceBar(net, reach) {
  const width = reach ? Math.min(50, (50 * Math.abs(net)) / reach) : 0;
  const side = net < 0 ? `right:50%;background:var(--conflict)` : `left:50%;background:var(--coop)`;
  return h("div", { class: "balance", title: `net ${net}` }, h("span", { style: `width:${width}%;${side}` }));
}

async function showDyad(pair, from, to) {
  const months = h("table", { id: "balance-months" });
  showDetail(h("h2", {}, pair.source, " – ", pair.target),
    h("p", { class: "muted" }, "Their interactions both ways, by month, on the Goldstein scale."), months);
  let rows;
  try {
    rows = await saved("dyad_balance", { actor: pair.source_id, other: pair.target_id, from_date: from, to_date: to });
  } catch (error) {
    months.replaceChildren(h("tr", {}, h("td", {}, failed(error))));
    return;
  }
  const reach = Math.max(1, ...rows.map((r) => Math.abs(r.net_intensity)));
  months.replaceChildren(
    h("tr", {}, h("th", {}, "month"), h("th", {}, "balance"), h("th", {}, "net"), h("th", {}, "facts")),
    ...rows.map((r) => h("tr", {},
      h("td", {}, r.month),
      h("td", { style: "width:40%" }, balanceBar(r.net_intensity, reach)),
      h("td", {}, String(r.net_intensity)),
      h("td", {}, (r.facts || []).map((f) => h("div", {}, typeBadge(f.type), " ", f.source, " → ", f.target,
        f.sentence ? h("blockquote", {}, `“${sentenceText(f.sentence)}”`) : ""))))));
}

async function balancePage(params) {
  const order = params.get("order") || "conflictual";
  const form = h("form", { class: "filters" },
    h("label", {}, "Most", h("select", { name: "order" },
      h("option", { value: "conflictual", ...(order === "conflictual" ? { selected: "" } : {}) }, "conflictual"),
      h("option", { value: "cooperative", ...(order === "cooperative" ? { selected: "" } : {}) }, "cooperative"))),
    h("label", {}, "From", h("input", { name: "from_date", type: "date", value: params.get("from_date") || "" })),
    h("label", {}, "To", h("input", { name: "to_date", type: "date", value: params.get("to_date") || "" })),
    h("label", {}, "Country", h("input", { name: "country", value: params.get("country") || "", placeholder: "any" })),
    h("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (value) values.set(key, value);
    location.hash = `#/balance?${values}`;
  });
  const table = h("table", { id: "pairs" });
  setView(h("h1", {}, "Cooperation and conflict"),
    h("p", { class: "muted" }, "Pairs of actors by the sum of their interactions on the Goldstein scale (-10 conflict, +10 cooperation); click a pair for its months."),
    form, h("div", { class: "card" }, table));
  const from = params.get("from_date");
  const to = params.get("to_date");
  let rows;
  try {
    rows = await saved("conflict_pairs", { order, from_date: from, to_date: to, country: params.get("country"), limit: 50 });
  } catch (error) {
    table.replaceChildren(h("tr", {}, h("td", {}, failed(error))));
    return;
  }
  const reach = Math.max(1, ...rows.map((r) => Math.abs(r.net_intensity)));
  table.replaceChildren(
    h("tr", {}, h("th", {}, "pair"), h("th", {}, "balance"), h("th", {}, "net"), h("th", {}, "facts"), h("th", {}, "types"), h("th", {}, "dates")),
    ...(rows.length ? rows.map((r) => {
      const row = h("tr", { class: "pair" },
        h("td", {}, actorLink(r.source_id, r.source, r.source_label), " – ", actorLink(r.target_id, r.target, r.target_label)),
        h("td", { style: "width:30%" }, balanceBar(r.net_intensity, reach)),
        h("td", {}, String(r.net_intensity)),
        h("td", {}, `${r.interactions} (${r.cooperative} cooperative, ${r.conflictual} conflictual)`),
        h("td", {}, (r.types || []).map((t) => [typeBadge(t), " "])),
        h("td", {}, r.first_date === r.last_date ? r.first_date || "" : `${r.first_date} – ${r.last_date}`));
      row.addEventListener("click", (event) => {
        if (event.target.closest("a")) return;
        showDyad(r, from, to);
      });
      return row;
    }) : [h("tr", {}, h("td", { colspan: 6, class: "muted" }, "No pairs in this period."))]));
}

// ------------------------------------------------------------------------------------------------ routing

function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  for (const link of document.querySelectorAll("[data-nav]")) {
    link.classList.toggle("active", path.startsWith(`/${link.dataset.nav}`));
  }
  document.title = "polgraph explorer";
  if (path.startsWith("/actor/")) return actorPage(decodeURIComponent(path.slice("/actor/".length)));
  if (path === "/network") return networkPage(params);
  if (path === "/elections") return electionsPage(params);
  if (path === "/protests") return protestsPage(params);
  if (path === "/balance") return balancePage(params);
  return home();
}

window.addEventListener("hashchange", route);
route();
