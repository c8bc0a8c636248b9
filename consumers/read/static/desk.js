// The triage inbox: queues with counts, filters, sorting, cursor paging, keyboard navigation.
"use strict";

const PAGE_SIZE = 25;
const state = { queue: "needs_triage", cursors: [null], page: 0, selected: 0, rows: [] };

function filterParams() {
  const form = document.getElementById("filters");
  const params = new URLSearchParams();
  for (const name of ["topic", "unit", "region", "channel", "from", "to", "sort"]) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

// The URL holds the queue and the filters (never the key): "lihat semua" links from the dashboard land here.
function readUrl() {
  const url = new URLSearchParams(location.search);
  const form = document.getElementById("filters");
  for (const name of ["topic", "unit", "region", "channel", "from", "to", "sort"]) {
    if (url.get(name)) form.elements[name].value = url.get(name);
  }
  if (url.get("queue")) state.queue = url.get("queue");
}
function writeUrl() {
  const params = filterParams();
  params.set("queue", state.queue);
  history.replaceState(null, "", "/desk?" + params.toString());
}

function dueCell(c) {
  const sla = c.sla || {};
  if (!sla.due_at) return el("td", { className: "hint" }, "—");
  const late = sla.breached || (new Date(sla.due_at) < new Date() && !sla.paused);
  const local = c.sla_local || {};
  return el("td", { className: late ? "late" : "" },
            local.due_local ? formatLocal(local.due_local, local.zone) : formatWib(sla.due_at), sla.paused ? " (jeda)" : "");
}

function render(body) {
  showRole(body.role, body.unit_code);
  for (const [queue, n] of Object.entries(body.counts)) {
    const badge = document.querySelector(`[data-count="${queue}"]`);
    if (badge) badge.textContent = formatCount(n);
  }
  for (const button of document.querySelectorAll("#queues button")) {
    button.setAttribute("aria-pressed", String(button.dataset.queue === state.queue));
  }
  state.rows = body.hits;
  state.selected = 0;
  fill("rows", body.hits.map((c, i) => el("tr", { dataset: { index: String(i), tracking: c.tracking_number || "" } },
    el("td", {}, complaintLink(c), " ", privacyTag(c.privacy), c.needs_triage ? el("span", { className: "tag" }, "triase") : null),
    el("td", {}, formatWib(c.received_at)),
    el("td", {}, CHANNELS[c.channel] || c.channel || ""),
    el("td", {}, c.topic_label || c.topic || "", c.confidence !== undefined ? el("small", { className: "hint" },
       ` ${Math.round(100 * c.confidence)} %`) : null),
    el("td", {}, c.unit_name || c.unit_code || ""),
    el("td", {}, STATUSES[c.status] || c.status || ""),
    dueCell(c),
    el("td", { className: "text" }, (c.subject || c.text || "").slice(0, 140)))), "Antrean ini kosong.", 8);
  renderPager(state, body, PAGE_SIZE, "Tidak ada laporan.");
  select(0);
}

async function load() {
  const params = filterParams();
  params.set("queue", state.queue);
  params.set("size", String(PAGE_SIZE));
  if (state.cursors[state.page]) params.set("cursor", state.cursors[state.page]);
  writeUrl();
  render(await api("/v1/desk/queue?" + params.toString()));
}

function select(index) {
  const rows = document.querySelectorAll("#rows tr[data-index]");
  if (!rows.length) return;
  state.selected = Math.max(0, Math.min(rows.length - 1, index));
  rows.forEach((row, i) => row.classList.toggle("selected", i === state.selected));
  rows[state.selected].scrollIntoView({ block: "nearest" });
}

function restart(queue) {
  if (queue) state.queue = queue;
  state.cursors = [null];
  state.page = 0;
  load();
}

async function loadAlerts() {
  const list = document.getElementById("alert-list");
  try {
    const body = await api("/v1/alerts");
    const alerts = body.alerts || body.items || [];
    fill(list, alerts.map((a) => el("li", {}, el("span", { className: "badge danger" }, a.status || "aktif"), " ",
      a.message || a.title || "", el("div", { className: "meta" }, formatWib(a.updated_at || a.opened_at)))),
      "Belum ada peringatan.");
  } catch (error) {
    // Surge detection ships separately: until GET /v1/alerts exists, nothing to show.
    fill(list, [], error.status === 404 ? "Belum ada peringatan." : "Peringatan tidak dapat dimuat.");
  }
}

let wired = false;
session(
  async () => {
    // A unit works its own open complaints; the operators' desk starts with what needs triage.
    const me = await api("/v1/me");
    if (me.role === "unit") state.queue = "open";
    readUrl();
    await load();
  },
  async () => {
    loadAlerts();
    if (wired) return;
    wired = true;
    document.getElementById("queues").addEventListener("click", (event) => {
      const button = event.target.closest("button[data-queue]");
      if (button) restart(button.dataset.queue);
    });
    document.getElementById("filters").addEventListener("submit", (event) => { event.preventDefault(); restart(); });
    document.getElementById("filters").addEventListener("reset", () => setTimeout(() => restart(), 0));
    document.getElementById("next").addEventListener("click", () => { state.page += 1; load(); });
    document.getElementById("prev").addEventListener("click", () => { state.page = Math.max(0, state.page - 1); load(); });
    document.addEventListener("keydown", (event) => {
      if (event.target.closest("input, select, textarea") || event.ctrlKey || event.metaKey || event.altKey) return;
      const queues = ["needs_triage", "unrouted", "bukan_wewenang", "at_risk", "breached", "open"];
      if (/^[1-6]$/.test(event.key)) restart(queues[Number(event.key) - 1]);
      else if (event.key === "j") select(state.selected + 1);
      else if (event.key === "k") select(state.selected - 1);
      else if (event.key === "n" && !document.getElementById("next").disabled) document.getElementById("next").click();
      else if (event.key === "p" && !document.getElementById("prev").disabled) document.getElementById("prev").click();
      else if (event.key === "/") { event.preventDefault(); document.querySelector("#filters input").focus(); }
      else if (event.key === "Enter") {
        const row = document.querySelectorAll("#rows tr[data-index]")[state.selected];
        if (row) location.href = "/desk/complaints/" + encodeURIComponent(row.dataset.tracking);
      } else return;
      event.preventDefault();
    });
  });
