// The analysts' search page: words with highlights, the filters and facets of GET /v1/search, cursor
// paging, CSV/JSONL exports of the same filters and a per-day chart of the result set.
"use strict";

const FIELDS = ["q", "channel", "topic", "unit", "region", "status", "privacy", "sla", "from", "to", "sort"];
const FACET_LABELS = { channel: "Kanal", topic: "Topik", unit: "Unit", region: "Wilayah", status: "Status", privacy: "Privasi" };
const state = { cursors: [null], page: 0 };

function filterParams() {
  const form = document.getElementById("search-form");
  const params = new URLSearchParams();
  for (const name of FIELDS) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

function renderFacets(facets) {
  const form = document.getElementById("search-form");
  const box = document.getElementById("facets");
  box.replaceChildren(...Object.entries(facets || {}).filter(([, values]) => values.length).map(([name, values]) =>
    el("div", { className: "facet" }, el("h3", {}, FACET_LABELS[name] || name),
      el("ul", { className: "items" }, ...values.slice(0, 12).map((f) => {
        const button = el("button", { type: "button", className: "link", dataset: { facet: name, value: f.value } },
                          `${f.value} (${formatCount(f.count)})`);
        button.addEventListener("click", () => { form.elements[name].value = f.value; restart(); });
        return el("li", {}, button);
      })))));
}

function hitNode(h) {
  const hl = h._highlight || {};
  const title = hl.subject ? highlighted(hl.subject[0]) : (h.subject || "");
  const body = hl.text ? hl.text.map((f) => el("span", {}, highlighted(f), " … ")) : [(h.text || "").slice(0, 300)];
  return el("li", { className: "hit" },
    el("div", {}, complaintLink(h), " ", privacyTag(h.privacy), el("strong", {}, title)),
    el("div", { className: "text" }, ...body),
    el("div", { className: "meta" }, formatWib(h.received_at), " · ", CHANNELS[h.channel] || h.channel, " · ",
       h.topic_label || h.topic || "", " → ", h.unit_name || h.unit_code || "", " · ", STATUSES[h.status] || h.status || ""));
}

async function renderChart(params) {
  const box = document.getElementById("chart");
  const caption = box.querySelector("figcaption");
  try {
    const body = await api("/v1/search/days?" + params.toString());
    const items = body.days.map((d) => ({ label: d.day, value: d.count, tick: "" }));
    if (items.length) { items[0].tick = body.days[0].day; if (items.length > 1) items[items.length - 1].tick = ""; }
    box.replaceChildren(caption, items.length ? barChart(items, { title: "Laporan per hari", height: 100 })
                                              : el("p", { className: "hint" }, "Tidak ada data."));
    if (body.days.length > 1) box.append(el("p", { className: "hint" }, `${body.days[0].day} s.d. ${body.days[body.days.length - 1].day}`));
  } catch (error) { box.replaceChildren(caption, el("p", { className: "hint" }, "Grafik tidak dapat dimuat.")); }
}

async function load() {
  const params = filterParams();
  const size = document.getElementById("search-form").elements.size.value;
  const query = new URLSearchParams(params);
  query.set("size", size);
  if (state.cursors[state.page]) query.set("cursor", state.cursors[state.page]);
  history.replaceState(null, "", "/search?" + params.toString() + "&size=" + size);
  const body = await api("/v1/search?" + query.toString());
  if (state.page === 0) { renderFacets(body.facets); renderChart(params); }
  fill("results", body.hits.map(hitNode), "Tidak ada hasil.");
  renderPager(state, body, Number(size), "Tidak ada laporan yang cocok.");
}

function restart() { state.cursors = [null]; state.page = 0; load(); }

function readUrl() {
  const url = new URLSearchParams(location.search);
  const form = document.getElementById("search-form");
  for (const name of FIELDS) if (url.get(name)) form.elements[name].value = url.get(name);
  if (["10", "20", "50", "100"].includes(url.get("size"))) form.elements.size.value = url.get("size");
}

let wired = false;
session(async () => {
  const me = await api("/v1/me");
  showRole(me.role, me.unit_code);
  readUrl();
  await load();
}, async () => {
  if (wired) return;
  wired = true;
  document.getElementById("search-form").addEventListener("submit", (event) => { event.preventDefault(); restart(); });
  document.getElementById("next").addEventListener("click", () => { state.page += 1; load(); });
  document.getElementById("prev").addEventListener("click", () => { state.page = Math.max(0, state.page - 1); load(); });
  document.getElementById("export-csv").addEventListener("click", () => {
    const params = filterParams(); params.set("delimiter", ";");
    download("/v1/export.csv?" + params.toString(), "aduan.csv");
  });
  document.getElementById("export-jsonl").addEventListener("click", () => download("/v1/export.jsonl?" + filterParams().toString(), "aduan.jsonl"));
  document.addEventListener("keydown", (event) => {
    if (event.target.closest("input, select, textarea")) return;
    if (event.key === "/") { event.preventDefault(); document.querySelector("#search-form input[name=q]").focus(); }
    else if (event.key === "n" && !document.getElementById("next").disabled) document.getElementById("next").click();
    else if (event.key === "p" && !document.getElementById("prev").disabled) document.getElementById("prev").click();
  });
});
