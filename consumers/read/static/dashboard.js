// Operations dashboard for aduan. Plain JS, no dependencies.
// Every piece of data reaches the page through textContent (never innerHTML): complaint text is
// written by citizens and must render as text, whatever it contains.
"use strict";

const KEY_STORAGE = "aduan.apiKey";
const STATS_EVERY_MS = 10000;
const FEED_MAX = 50;
const CHANNELS = { web: "Web", sms: "SMS", social: "Media sosial", email: "Surel" };
const STAGES = { verifikasi: "verifikasi", tindak_lanjut: "tindak lanjut", penutupan: "penutupan" };
const ROLES = { operator: "Operator", analyst: "Analis", unit: "Unit" };

// Indonesian number formatting without depending on the browser's locale data: 46.831 and 86,9 %.
function formatCount(n) { return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }
function formatPercent(p) { return p.toFixed(1).replace(".", ",") + " %"; }
function formatTime(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (v) => String(v).padStart(2, "0");
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)} ${pad(d.getHours())}.${pad(d.getMinutes())}`;
}

// el("li", {className: "x"}, "text", otherNode): children that are strings become text nodes.
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (name === "dataset") Object.assign(node.dataset, value);
    else node[name] = value;  // only className/title/etc. from our own code, never markup
  }
  for (const child of children) {
    if (child === null || child === undefined || child === "") continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
function fill(id, nodes, emptyText) {
  const target = document.getElementById(id);
  target.replaceChildren(...nodes);
  if (!nodes.length && emptyText) {
    target.append(target.tagName === "TBODY" ? el("tr", {}, el("td", { colSpan: 3, className: "hint" }, emptyText))
                                             : el("li", { className: "hint" }, emptyText));
  }
}
function privacyTag(privacy) {
  return privacy && privacy !== "publik" ? el("span", { className: "tag " + privacy }, privacy) : null;
}

let apiKey = sessionStorage.getItem(KEY_STORAGE);
let liveAbort = null;
let statsTimer = null;

async function api(path) {
  const response = await fetch(path, { headers: { "X-API-Key": apiKey, "Accept": "application/json" } });
  if (response.status === 401 || response.status === 403) { signOut("Kunci API tidak dikenal."); throw new Error("auth"); }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

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
    el("div", {}, el("strong", {}, c.tracking_number || ""), " ", privacyTag(c.privacy), c.subject || c.topic_label || ""),
    el("div", { className: "meta" }, c.unit_name || c.unit_code || "", " · tahap ", STAGES[c.stage] || c.stage || "",
       " · tenggat ", formatTime(c.due_at)));
}

function renderStats(s) {
  document.getElementById("updated").textContent =
    `Diperbarui ${formatTime(s.generated_at)} · ${formatCount(s.totals.all)} laporan, ${formatCount(s.totals.open)} terbuka`;
  fill("rates", s.rates.channels.map((c) => el("tr", {},
    el("td", {}, CHANNELS[c.channel] || c.channel), el("td", { className: "num" }, formatCount(c.count)),
    el("td", {}, spark(c.per_minute)))), "Belum ada laporan dalam 15 menit terakhir.");
  fill("backlog", s.backlog.map((u) => el("tr", {},
    el("td", {}, u.unit_name || u.unit_code), el("td", { className: "num" }, formatCount(u.open)))), "Tidak ada tunggakan.");
  document.getElementById("breached-count").textContent = formatCount(s.sla.breached.count);
  document.getElementById("at-risk-count").textContent = formatCount(s.sla.at_risk.count);
  fill("breached", s.sla.breached.items.map(slaItem), "Tidak ada.");
  fill("at-risk", s.sla.at_risk.items.map(slaItem), "Tidak ada.");
  fill("resolution", s.resolution.map((u) => {
    const bar = el("div", { className: "bar" }, el("span"));
    bar.firstChild.style.width = Math.min(100, u.percent) + "%";
    return el("tr", {}, el("td", {}, u.unit_name || u.unit_code),
      el("td", {}, `${formatCount(u.resolved)} dari ${formatCount(u.total)} selesai, ${formatPercent(u.percent)}`, bar));
  }), "Belum ada data.");
  fill("clusters", s.clusters.map((c) => el("li", {},
    el("div", {}, el("span", { className: "badge warn" }, `${formatCount(c.reports)} laporan serupa`), " ",
       c.subject || c.text || ""),
    el("div", { className: "meta" }, c.tracking_number || "", " · ", c.topic_label || "", " · ", c.unit_name || ""))),
    "Belum ada klaster.");
}

async function refreshStats() {
  try { renderStats(await api("/v1/stats")); }
  catch (error) { if (apiKey) document.getElementById("updated").textContent = "Gagal memuat angka; mencoba lagi…"; }
}

// -- session ---------------------------------------------------------------------------------------------

async function signIn(key) {
  apiKey = key;
  try {
    const first = await api("/v1/stats");
    sessionStorage.setItem(KEY_STORAGE, key);
    document.getElementById("login").hidden = true;
    document.getElementById("board").hidden = false;
    document.getElementById("session").hidden = false;
    document.getElementById("role").textContent = ROLES[first.role] || first.role;
    renderStats(first);
    statsTimer = setInterval(refreshStats, STATS_EVERY_MS);
    followLive();
  } catch (error) {
    if (apiKey) document.getElementById("login-error").textContent = "Tidak dapat memuat dasbor: " + error.message;
  }
}

function signOut(message) {
  apiKey = null;
  sessionStorage.removeItem(KEY_STORAGE);
  if (liveAbort) liveAbort.abort();
  clearInterval(statsTimer);
  setConnection(false);
  document.getElementById("board").hidden = true;
  document.getElementById("session").hidden = true;
  document.getElementById("login").hidden = false;
  document.getElementById("feed").replaceChildren();
  document.getElementById("feed-empty").hidden = false;
  document.getElementById("login-error").textContent = message || "";
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("login-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = document.getElementById("api-key");
    const key = input.value.trim();
    input.value = "";
    if (key) signIn(key);
  });
  document.getElementById("logout").addEventListener("click", () => signOut());
  if (apiKey) signIn(apiKey);
});
