// What every aduan page shares: the key session, the API call, DOM building and Indonesian formats.
// Every piece of data reaches a page through textContent (never innerHTML): complaint text is written
// by citizens and must render as text, whatever it contains.
"use strict";

const KEY_STORAGE = "aduan.apiKey";
const CHANNELS = { web: "Web", sms: "SMS", social: "Media sosial", email: "Surel" };
const STAGES = { verifikasi: "verifikasi", tindak_lanjut: "tindak lanjut", penutupan: "penutupan" };
const ROLES = { operator: "Operator", analyst: "Analis", unit: "Unit" };
const STATUSES = {
  diterima: "Diterima", terverifikasi: "Terverifikasi", ditunda: "Ditunda", bukan_wewenang: "Bukan wewenang",
  diarsipkan: "Diarsipkan", terdisposisi: "Terdisposisi", ditindaklanjuti: "Ditindaklanjuti", selesai: "Selesai",
};

// Indonesian number formatting without depending on the browser's locale data: 46.831 and 86,9 %.
function formatCount(n) { return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }
function formatPercent(p) { return p.toFixed(1).replace(".", ",") + " %"; }
const pad = (v) => String(v).padStart(2, "0");

// Times carry their zone. WIB (UTC+7) is where the operators sit; a unit's own times come from the
// server already in its zone (an ISO string with its offset), shown as written with the zone's name.
function formatWib(iso) {
  if (!iso) return "";
  const d = new Date(new Date(iso).getTime() + 7 * 3600 * 1000);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ` +
         `${pad(d.getUTCHours())}.${pad(d.getUTCMinutes())} WIB`;
}
function formatLocal(isoWithOffset, zone) {
  if (!isoWithOffset) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(isoWithOffset);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}.${m[5]} ${zone || ""}`.trim() : isoWithOffset;
}

// el("li", {className: "x"}, "text", otherNode): children that are strings become text nodes.
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (name === "dataset") Object.assign(node.dataset, value);
    else if (name === "attrs") for (const [a, v] of Object.entries(value)) node.setAttribute(a, v);
    else node[name] = value;  // only className/title/href/etc. from our own code, never markup
  }
  for (const child of children) {
    if (child === null || child === undefined || child === "") continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
function fill(id, nodes, emptyText, columns) {
  const target = typeof id === "string" ? document.getElementById(id) : id;
  target.replaceChildren(...nodes);
  if (!nodes.length && emptyText) {
    target.append(target.tagName === "TBODY"
      ? el("tr", {}, el("td", { colSpan: columns || 3, className: "hint" }, emptyText))
      : el("li", { className: "hint" }, emptyText));
  }
}
function privacyTag(privacy) {
  return privacy && privacy !== "publik" ? el("span", { className: "tag " + privacy }, privacy) : null;
}
function complaintLink(c) {
  return el("a", { href: "/desk/complaints/" + encodeURIComponent(c.tracking_number || c.complaint_id || "") },
            c.tracking_number || c.complaint_id || "");
}

// Elasticsearch's html encoder escapes the text and adds our <mark> tags: split on the tags and decode
// the entities ourselves, so a highlight becomes text nodes and <mark> elements, never parsed markup.
function decodeEntities(text) {
  return text.replace(/&(lt|gt|amp|quot|#x([0-9a-fA-F]+)|#(\d+));/g, (_, name, hex, dec) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(parseInt(dec, 10))
        : { lt: "<", gt: ">", amp: "&", quot: "\"" }[name]);
}
function highlighted(fragment) {
  const out = el("span", { className: "fragment" });
  fragment.split(/(<mark>|<\/mark>)/).reduce((marked, part) => {
    if (part === "<mark>") return true;
    if (part === "</mark>") return false;
    if (part) out.append(marked ? el("mark", {}, decodeEntities(part)) : document.createTextNode(decodeEntities(part)));
    return marked;
  }, false);
  return out;
}

// A tiny bar chart as inline SVG built with DOM calls (no library, no CDN, no markup strings).
const SVG = "http://www.w3.org/2000/svg";
function svgNode(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [a, v] of Object.entries(attrs || {})) node.setAttribute(a, v);
  if (text !== undefined) node.textContent = text;
  return node;
}
// series: [{label, value}] (or stacks: [{label, values: [..]}] with colours); one bar per item.
function barChart(items, opts) {
  const o = Object.assign({ width: 560, height: 140, colours: ["#0b5cab"], title: "" }, opts || {});
  const top = Math.max(1, ...items.map((i) => (i.values || [i.value]).reduce((a, b) => a + b, 0)));
  // Drawn at its own size (shrinks on a narrow screen, never grows): labels stay at label size.
  const svg = svgNode("svg", { viewBox: `0 0 ${o.width} ${o.height + 30}`, role: "img", class: "chart",
                               "aria-label": o.title, width: o.width, height: o.height + 30 });
  svg.append(svgNode("title", {}, o.title));
  const step = o.width / Math.max(1, items.length), bar = Math.max(1, step - 2);
  items.forEach((item, i) => {
    let y = o.height;
    (item.values || [item.value]).forEach((v, k) => {
      const h = Math.round(o.height * v / top);
      y -= h;
      const rect = svgNode("rect", { x: (i * step).toFixed(1), y, width: bar.toFixed(1), height: h,
                                     fill: o.colours[k % o.colours.length] });
      rect.append(svgNode("title", {}, `${item.label}: ${(item.values || [item.value]).join(" + ")}`));
      svg.append(rect);
    });
    if (item.tick) svg.append(svgNode("text", { x: (i * step).toFixed(1), y: o.height + 14, class: "tick" }, item.tick));
  });
  svg.append(svgNode("text", { x: 0, y: o.height + 28, class: "tick" }, `maks. ${formatCount(top)}`));
  return svg;
}

// Cursor paging shared by the desk and the search page: state = {cursors: [null, ...], page}.
function renderPager(state, body, pageSize, emptyText) {
  const from = state.page * pageSize;
  document.getElementById("summary").textContent = body.total
    ? `${formatCount(from + 1)}–${formatCount(from + body.hits.length)} dari ${formatCount(body.total)} laporan`
    : emptyText;
  state.cursors[state.page + 1] = body.next_cursor;
  document.getElementById("next").disabled = !body.next_cursor;
  document.getElementById("prev").disabled = state.page === 0;
  document.getElementById("page-no").textContent = `halaman ${state.page + 1}`;
}

// -- the key session -------------------------------------------------------------------------------------

let apiKey = sessionStorage.getItem(KEY_STORAGE);

class ApiError extends Error {
  constructor(status, body) { super(`HTTP ${status}`); this.status = status; this.body = body; }
}

async function api(path, options) {
  const o = options || {};
  const headers = { "X-API-Key": apiKey, "Accept": o.accept || "application/json" };
  if (o.json !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method: o.method || "GET", headers, cache: "no-store",
                                       body: o.json !== undefined ? JSON.stringify(o.json) : undefined });
  if (!response.ok) {
    let body = null;
    try { body = await response.json(); } catch (error) { /* not JSON */ }
    // 403 is also "not for your role" (an analyst acting, a document an analyst may not download):
    // only a key the server does not know ends the session.
    const detail = (body && body.detail) || {};
    if (response.status === 401 || (response.status === 403 && detail.message === "unknown API key")) {
      signOut("Kunci API tidak dikenal.");
    }
    throw new ApiError(response.status, body);
  }
  return o.raw ? response : response.json();
}

// A download that needs the key in a header: fetched, then saved from memory (the key never in a URL).
async function download(path, fallbackName) {
  const response = await api(path, { raw: true, accept: "*/*" });
  const disposition = response.headers.get("Content-Disposition") || "";
  const name = (/filename="([^"]+)"/.exec(disposition) || [])[1] || fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

let onSignedOut = () => {};
function signOut(message) {
  apiKey = null;
  sessionStorage.removeItem(KEY_STORAGE);
  onSignedOut();
  for (const id of ["app", "board", "session"]) { const n = document.getElementById(id); if (n) n.hidden = true; }
  document.getElementById("login").hidden = false;
  document.getElementById("login-error").textContent = message || "";
}

// The sign-in card every page shows first (the page holds only an empty <section id="login">).
function buildLogin() {
  const section = document.getElementById("login");
  if (section.querySelector("form")) return;
  section.append(el("h2", {}, "Masuk"), el("form", { id: "login-form" },
    el("label", { htmlFor: "api-key" }, "Kunci API"),
    el("input", { id: "api-key", name: "api-key", type: "password", autocomplete: "off", required: true }),
    el("button", { type: "submit" }, "Masuk"),
    el("p", { id: "login-error", className: "error", attrs: { role: "alert" } }),
    el("p", { className: "hint" }, "Kunci disimpan hanya di tab ini (sessionStorage) dan dikirim sebagai header X-API-Key.")));
}

// Wires the login form and the logout button; start(firstCheck) runs once a key works.
function session(check, start, stop) {
  onSignedOut = stop || (() => {});
  async function signIn(key) {
    apiKey = key;
    try {
      const first = await check();
      sessionStorage.setItem(KEY_STORAGE, key);
      document.getElementById("login").hidden = true;
      for (const id of ["app", "board", "session"]) { const n = document.getElementById(id); if (n) n.hidden = false; }
      await start(first);
    } catch (error) {
      if (apiKey) document.getElementById("login-error").textContent = "Tidak dapat memuat: " + error.message;
    }
  }
  document.addEventListener("DOMContentLoaded", () => {
    buildLogin();
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
}
function showRole(role, unit) {
  document.getElementById("role").textContent = (ROLES[role] || role) + (unit ? " " + unit : "");
}
