// Operations dashboard for aduan. Plain JS on common.js, no dependencies.
// Every piece of data reaches the page through textContent (never innerHTML): complaint text is
// written by citizens and must render as text, whatever it contains.
"use strict";

const STATS_EVERY_MS = 10000;
const FEED_MAX = 50;
const TOP = 10;  // every list is bounded: the top N, then "lihat semua" into the desk
const CHANNEL_COLOURS = { web: "#0b5cab", sms: "#1a7f37", social: "#b54708", email: "#6941c6" };

// The dashboard's clock is WIB (where the operators sit); a unit's deadline shows in the unit's zone.
const formatTime = formatWib;

let liveAbort = null;
let statsTimer = null;

// -- live feed: fetch() streaming, so the key travels in a header and not in the URL ---------------------

function setConnection(online) {
  const badge = document.getElementById("connection");
  badge.textContent = online ? "Terhubung" : "Terputus";
  badge.className = online ? "online" : "offline";
}

function showComplaint(c) {
  document.getElementById("feed-empty").hidden = true;
  const title = c.subject ? el("strong", {}, c.subject, " ") : null;
  const item = el("li", { className: "fresh", dataset: { complaintId: c.complaint_id || "" } },
    el("div", { className: "meta" },
      formatTime(c.received_at), " · ", CHANNELS[c.channel] || c.channel || "", " · ", c.tracking_number || "", " · ",
      c.topic_label || c.topic || "", " → ", c.unit_name || c.unit_code || "", " ", privacyTag(c.privacy)),
    el("div", { className: "text" }, title, c.text || ""));
  const feed = document.getElementById("feed");
  feed.prepend(item);
  while (feed.children.length > FEED_MAX) feed.lastChild.remove();
}

function handleSse(frame) {
  let event = "message", data = "";
  for (const line of frame.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data += line.slice(5).trim();
  }
  if (event === "ready") setConnection(true);
  else if (event === "complaint" && data) showComplaint(JSON.parse(data));
}

async function followLive() {
  while (apiKey) {
    liveAbort = new AbortController();
    try {
      const response = await fetch("/v1/live", { headers: { "X-API-Key": apiKey, "Accept": "text/event-stream" },
                                                 signal: liveAbort.signal, cache: "no-store" });
      if (response.status === 401 || response.status === 403) { signOut("Kunci API tidak dikenal."); return; }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n/g, "\n");
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          handleSse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (error) {
      if (liveAbort.signal.aborted) return;
    }
    setConnection(false);
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}

// -- figures ---------------------------------------------------------------------------------------------

function spark(series) {
  const top = Math.max(1, ...series);
  return el("div", { className: "spark", title: series.join(", ") },
    ...series.map((n) => { const bar = el("span"); bar.style.height = Math.round(100 * n / top) + "%"; return bar; }));
}

function slaItem(c) {
  return el("li", {},
    el("div", {}, complaintLink(c), " ", privacyTag(c.privacy), c.subject || c.topic_label || ""),
    el("div", { className: "meta" }, c.unit_name || c.unit_code || "", " · tahap ", STAGES[c.stage] || c.stage || "",
       " · tenggat ", c.due_local ? formatLocal(c.due_local, c.zone) : formatTime(c.due_at)));
}

function seeAll(id, href, shown, total) {
  const target = document.getElementById(id);
  target.replaceChildren(total > shown ? el("a", { href }, `lihat semua (${formatCount(total)}) di meja →`) : "");
}

function hourlyChart(hourly) {
  const channels = hourly.channels;
  const items = hourly.hours.map((hour, i) => ({
    label: formatTime(hour), values: channels.map((c) => c.per_hour[i]),
    tick: i % 6 === 0 ? formatTime(hour).slice(-9) : "" }));
  const legend = el("p", { className: "legend hint" }, ...channels.flatMap((c) => {
    const swatch = el("span");
    swatch.style.background = CHANNEL_COLOURS[c.channel] || "#888";
    return [swatch, CHANNELS[c.channel] || c.channel];
  }));
  return [barChart(items, { title: "Laporan masuk per jam per kanal (24 jam, WIB)",
                            colours: channels.map((c) => CHANNEL_COLOURS[c.channel] || "#888") }), legend];
}

function trendChart(trend) {
  return barChart(trend.map((d, i) => ({ label: `${d.day}: ${d.open} terbuka (+${d.received} / −${d.closed})`,
                                         value: d.open, tick: i % 3 === 0 ? d.day.slice(5) : "" })),
                  { title: "Tunggakan di akhir hari (14 hari)", colours: ["#b54708"] });
}

// One horizontal bar per unit, labelled, as inline SVG.
function unitBars(rows) {
  const width = 560, line = 20, top = Math.max(1, ...rows.map((r) => r.count));
  const svg = svgNode("svg", { viewBox: `0 0 ${width} ${Math.max(1, rows.length) * line}`, class: "chart", width,
                               height: Math.max(1, rows.length) * line, role: "img", "aria-label": "SLA terlampaui per unit" });
  rows.forEach((r, i) => {
    const w = Math.round(220 * r.count / top);
    svg.append(svgNode("text", { x: 0, y: i * line + 14, class: "tick" }, (r.unit_name || r.unit_code || "").slice(0, 48)));
    svg.append(svgNode("rect", { x: 330, y: i * line + 4, width: Math.max(1, w), height: 12, fill: "#b42318" }));
    svg.append(svgNode("text", { x: 336 + w, y: i * line + 14, class: "tick" }, formatCount(r.count)));
  });
  return svg;
}

function renderStats(s) {
  document.getElementById("updated").textContent =
    `Diperbarui ${formatTime(s.generated_at)} · ${formatCount(s.totals.all)} laporan, ${formatCount(s.totals.open)} terbuka`;
  fill("rates", s.rates.channels.map((c) => el("tr", {},
    el("td", {}, CHANNELS[c.channel] || c.channel), el("td", { className: "num" }, formatCount(c.count)),
    el("td", {}, spark(c.per_minute)))), "Belum ada laporan dalam 15 menit terakhir.");
  fill("backlog", s.backlog.slice(0, TOP).map((u) => el("tr", {},
    el("td", {}, el("a", { href: "/desk?queue=open&unit=" + encodeURIComponent(u.unit_code) }, u.unit_name || u.unit_code)),
    el("td", { className: "num" }, formatCount(u.open)))), "Tidak ada tunggakan.");
  seeAll("backlog-all", "/desk?queue=open", TOP, s.backlog.length);
  document.getElementById("breached-count").textContent = formatCount(s.sla.breached.count);
  document.getElementById("at-risk-count").textContent = formatCount(s.sla.at_risk.count);
  fill("breached", s.sla.breached.items.slice(0, TOP).map(slaItem), "Tidak ada.");
  fill("at-risk", s.sla.at_risk.items.slice(0, TOP).map(slaItem), "Tidak ada.");
  seeAll("breached-all", "/desk?queue=breached", s.sla.breached.items.length, s.sla.breached.count);
  seeAll("at-risk-all", "/desk?queue=at_risk", s.sla.at_risk.items.length, s.sla.at_risk.count);
  fill("resolution", s.resolution.slice(0, TOP).map((u) => {
    const bar = el("div", { className: "bar" }, el("span"));
    bar.firstChild.style.width = Math.min(100, u.percent) + "%";
    return el("tr", {}, el("td", {}, u.unit_name || u.unit_code),
      el("td", {}, `${formatCount(u.resolved)} dari ${formatCount(u.total)} selesai, ${formatPercent(u.percent)}`, bar));
  }), "Belum ada data.");
  seeAll("resolution-all", "/desk?queue=open", TOP, s.resolution.length);
  fill("clusters", s.clusters.slice(0, TOP).map((c) => el("li", {},
    el("div", {}, el("span", { className: "badge warn" }, `${formatCount(c.reports)} laporan serupa`), " ",
       c.subject || c.text || ""),
    el("div", { className: "meta" }, c.tracking_number ? complaintLink(c) : "", " · ", c.topic_label || "", " · ", c.unit_name || ""))),
    "Belum ada klaster.");
  if (s.charts) {
    document.getElementById("chart-hourly").replaceChildren(...hourlyChart(s.charts.hourly));
    document.getElementById("chart-backlog").replaceChildren(trendChart(s.charts.backlog_trend));
    const breaches = s.charts.breaches_per_unit;
    document.getElementById("chart-breaches").replaceChildren(breaches.length ? unitBars(breaches)
      : el("p", { className: "hint" }, "Tidak ada SLA terlampaui."));
  }
}

async function refreshStats() {
  try { renderStats(await api("/v1/stats")); }
  catch (error) { if (apiKey) document.getElementById("updated").textContent = "Gagal memuat angka; mencoba lagi…"; }
}

// The live feed only hears what is routed from now on: it starts with the latest open complaints the
// key may see, so a unit's feed is not empty while it has work (oldest first, the newest ends on top).
async function seedFeed() {
  try {
    const body = await api(`/v1/desk/queue?queue=open&sort=newest&size=${TOP}`);
    const shown = new Set([...document.querySelectorAll("#feed li")].map((li) => li.dataset.complaintId));
    for (const c of body.hits.slice().reverse()) if (!shown.has(c.complaint_id)) showComplaint(c);
  } catch (error) { /* the live feed still runs */ }
}

async function loadAlerts() {
  // Surge alerts ship separately (GET /v1/alerts); until the endpoint exists the board says so.
  try {
    const body = await api("/v1/alerts");
    fill("alerts-board", (body.alerts || body.items || []).slice(0, TOP).map((a) => el("li", {},
      a.message || a.title || "", el("div", { className: "meta" }, formatTime(a.updated_at || a.opened_at)))),
      "Belum ada peringatan.");
  } catch (error) {
    fill("alerts-board", [], error.status === 404 ? "Belum ada peringatan." : "Peringatan tidak dapat dimuat.");
  }
}

// -- session ---------------------------------------------------------------------------------------------

session(() => api("/v1/stats"), async (first) => {
  showRole(first.role);
  renderStats(first);
  loadAlerts();
  seedFeed();
  clearInterval(statsTimer);
  statsTimer = setInterval(refreshStats, STATS_EVERY_MS);
  followLive();
}, () => {
  if (liveAbort) liveAbort.abort();
  clearInterval(statsTimer);
  setConnection(false);
  document.getElementById("feed").replaceChildren();
  document.getElementById("feed-empty").hidden = false;
});
