// One complaint: text, attachments, routing, cluster, history, SLA clock, and the actions the role allows.
"use strict";

const STEP_LABELS = {
  terverifikasi: "Verifikasi", bukan_wewenang: "Alihkan ke unit lain (bukan wewenang)", terdisposisi: "Disposisi ke unit",
  ditindaklanjuti: "Tandai ditindaklanjuti (catatan publik)", ditunda: "Tunda", diarsipkan: "Arsipkan",
  selesai: "Selesai",
};
const NOTIFICATION_RESULTS = {
  pending: "Menunggu", sent: "Terkirim", delivered: "Sampai", read: "Dibaca", failed: "Gagal",
  skipped_opted_out: "Tidak dikirim (pelapor berhenti berlangganan)",
};
const key = decodeURIComponent(location.pathname.split("/").pop());
let current = null;

function renderSla(view) {
  const sla = view.complaint.sla || {};
  const slaNode = document.getElementById("sla");
  if (!sla.due_at) { slaNode.textContent = "Tidak ada jam SLA yang berjalan."; document.getElementById("sla-due").textContent = ""; return; }
  const left = new Date(sla.due_at).getTime() - Date.now();
  const hours = Math.round(Math.abs(left) / 3600000);
  slaNode.className = "sla " + (sla.breached || left < 0 ? "late" : left < 86400000 ? "soon" : "");
  slaNode.textContent = `Tahap ${STAGES[sla.stage] || sla.stage}: ` + (sla.paused ? "dijeda" :
    left < 0 || sla.breached ? `terlampaui ${hours} jam` : `sisa ${hours} jam`) +
    ` · ${String(sla.elapsed_working_days ?? 0).replace(".", ",")} hari kerja terpakai`;
  document.getElementById("sla-due").textContent = `Tenggat ${formatLocal(view.local.sla_due_at, view.zone)} (zona unit)`;
}

async function showAttachment(item, index, a) {
  const path = `/v1/complaints/${encodeURIComponent(current.complaint.complaint_id)}/attachments/${index}`;
  if (a.status === "unavailable") { item.append(el("span", { className: "hint" }, " (tidak tersedia dari penyedia)")); return; }
  const open = el("button", { type: "button", className: "secondary" }, "Unduh");
  open.addEventListener("click", () => download(path, a.filename || "lampiran").catch((error) => {
    open.replaceWith(el("span", { className: "hint" }, error.status === 403 ? " peran ini tidak boleh mengunduh berkas ini" : " gagal"));
  }));
  item.append(" ", open);
  if ((a.kind === "image" || (a.content_type || "").startsWith("image/")) && a.content_type !== "image/svg+xml") {
    try {  // fetched with the key in a header and shown from memory (img-src blob: in the CSP)
      const response = await api(path, { raw: true, accept: "image/*" });
      item.append(el("div", {}, el("img", { className: "thumb", alt: a.filename || "lampiran",
                                             src: URL.createObjectURL(await response.blob()) })));
    } catch (error) { /* the download button says why */ }
  }
}

function render(view) {
  current = view;
  const c = view.complaint;
  showRole(view.role);
  document.title = `${c.tracking_number} — aduan`;
  document.getElementById("tracking").textContent = c.tracking_number || "";
  document.getElementById("subject").textContent = c.subject || "(tanpa perihal)";
  document.getElementById("meta").textContent = `Diterima ${formatLocal(view.local.received_at, view.zone)} · ` +
    `${CHANNELS[c.channel] || c.channel} · ${formatCount(c.report_count || 1)} laporan`;
  document.getElementById("text").textContent = c.text || "";
  document.getElementById("status").textContent = STATUSES[c.status] || c.status;
  document.getElementById("privacy").replaceChildren(privacyTag(c.privacy) || "");
  document.getElementById("topic").textContent = (c.topic_label || c.topic || "") + (c.needs_triage ? " (perlu triase)" : "");
  document.getElementById("confidence").textContent = c.confidence !== undefined ? `${Math.round(100 * c.confidence)} %` : "—";
  document.getElementById("unit").textContent = `${c.unit_name || ""} (${c.unit_code || "—"})`;
  document.getElementById("region").textContent = `${c.region_name || ""} ${c.region_code || ""} · zona ${view.zone}`;
  const loc = c.location || {};
  document.getElementById("location").textContent = [loc.text, loc.lat !== undefined && loc.lat !== null ?
    `${loc.lat}, ${loc.lon}` : ""].filter(Boolean).join(" · ") || "—";
  renderSla(view);

  const attachments = c.attachments || [];
  fill("attachments", attachments.map((a, i) => {
    const item = el("li", {}, a.filename || "lampiran", " ", el("small", { className: "hint" },
      `${a.content_type || ""} · ${formatCount(Math.ceil((a.size_bytes || 0) / 1024))} KB`));
    showAttachment(item, i, a);
    return item;
  }), "Tidak ada lampiran.");

  const cluster = c.cluster || [];
  document.getElementById("cluster-title").textContent = `${formatCount(cluster.length)} laporan serupa`;
  fill("cluster", cluster.map((m) => el("li", {}, complaintLink(m), " ", privacyTag(m.privacy),
    m.subject || "", el("div", { className: "meta" }, formatWib(m.received_at), " · ", STATUSES[m.status] || m.status || ""))),
    "Tidak ada.");

  fill("history", (c.history || []).map((h, i) => el("tr", {},
    el("td", {}, formatLocal(view.local.history[i], view.zone)), el("td", {}, STATUSES[h.status] || h.status),
    el("td", {}, h.actor || "", h.actor_role ? ` (${h.actor_role})` : ""), el("td", { className: "text" }, h.reason || ""),
    el("td", {}, h.unit_code || ""))), "Belum ada perubahan status.", 5);

  // What the reporter was told and whether it arrived; the provider's error only reaches operators.
  fill("notifications", (view.notifications || []).map((n) => el("li", { className: "notification" },
    el("strong", {}, NOTIFICATION_RESULTS[n.result] || n.result || ""), ` · ${n.template || ""} · `,
    `${CHANNELS[n.channel] || n.channel || ""} (${n.provider || ""}) · ${formatLocal(n.at_local, view.zone)}`,
    n.attempts > 1 ? ` · ${formatCount(n.attempts)} percobaan` : "",
    n.error ? el("div", { className: "meta text" }, n.error) : "")), "Belum ada notifikasi.");

  // Operators' corrections of topic and cluster, latest last (the stream's decision stays in the history).
  const labels = Object.fromEntries((view.topics || []).map((t) => [t.code, t.label]));
  fill("corrections", (c.corrections || []).map((k) => el("li", {},
    k.kind === "topic" ? `Topik dikoreksi: ${labels[k.topic] || k.topic}` :
      k.kind === "merge" ? "Digabungkan ke klaster lain" : "Dipisahkan dari klaster",
    el("div", { className: "meta text" }, `${k.actor || ""} · ${formatWib(k.at)}`, k.reason ? ` · ${k.reason}` : ""))), "");
  const correcting = document.getElementById("correction-form");
  correcting.hidden = !(view.topics || []).length;
  const topicSelect = document.getElementById("correction-topic");
  if (!topicSelect.options.length) {
    topicSelect.replaceChildren(...(view.topics || []).map((t) => el("option", { value: t.code }, t.label)));
  }
  topicSelect.value = c.topic || "";

  const steps = view.next_steps || [];
  document.getElementById("action-form").hidden = !steps.length;
  document.getElementById("no-actions").hidden = !!steps.length || view.role !== "analyst";
  const select = document.getElementById("action-status");
  select.replaceChildren(...steps.map((s) => el("option", { value: s }, STEP_LABELS[s] || s)));
  document.getElementById("action-unit").replaceChildren(...view.units.filter((u) => u.unit_code !== c.unit_code)
    .map((u) => el("option", { value: u.unit_code }, `${u.unit_name} (${u.unit_code})`)));
  toggleUnit();
}

function toggleUnit() {
  document.getElementById("unit-label").hidden = document.getElementById("action-status").value !== "bukan_wewenang";
}

async function refresh() {
  try {
    render(await api(`/v1/desk/complaints/${encodeURIComponent(key)}`));
  } catch (error) {
    if (error.status !== 404) throw error;
    // Missing, or not this key's to see (another unit's): the page says so, the session stays.
    document.getElementById("tracking").textContent = key;
    document.getElementById("load-error").textContent = "Laporan tidak ditemukan untuk kunci ini.";
    for (const node of document.querySelectorAll("#app .grid")) node.hidden = true;
  }
}

// The event goes through Kafka and the indexer: poll until the document shows it (a few seconds at most).
async function waitFor(eventId, field, id) {
  for (let i = 0; i < 40; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const view = await api(`/v1/desk/complaints/${encodeURIComponent(key)}`).catch((error) => {
      if (error.status === 404) return null;  // re-routed away from this unit's key
      throw error;
    });
    if (view === null) return "gone";
    if ((view.complaint[field] || []).some((h) => h[id] === eventId)) { render(view); return "done"; }
  }
  return "late";
}

// One form's request: POST it, wait for the indexer to show it, say how it went under the form.
async function submit(form, path, body, waitArgs, saved) {
  const result = document.getElementById(`${form}-result`);
  const button = document.getElementById(`${form}-submit`);
  button.disabled = true;
  result.textContent = "Mengirim…";
  try {
    const accepted = await api(`/v1/complaints/${encodeURIComponent(current.complaint.complaint_id)}/${path}`,
                               { method: "POST", json: body });
    result.textContent = "Diterima, menunggu indeks…";
    const outcome = await waitFor(accepted[waitArgs[1]], ...waitArgs);
    result.textContent = outcome === "done" ? saved
      : outcome === "gone" ? "Tersimpan; laporan kini di unit lain." : "Terkirim; indeks belum menampilkannya.";
    document.getElementById(`${form}-reason`).value = "";
  } catch (error) {
    const detail = (error.body && error.body.detail) || {};
    result.textContent = "Ditolak: " + (detail.message || (Array.isArray(detail) && detail[0] && detail[0].msg) || error.message);
  } finally {
    button.disabled = false;
  }
}

async function act(event) {
  event.preventDefault();
  const status = document.getElementById("action-status").value;
  const body = { status, reason: document.getElementById("action-reason").value.trim() || null };
  if (status === "bukan_wewenang") body.unit_code = document.getElementById("action-unit").value;
  await submit("action", "status", body, ["history", "event_id"], `Tersimpan: ${STATUSES[status] || status}.`);
}

function toggleCorrection() {
  const kind = document.getElementById("correction-kind").value;
  document.getElementById("correction-topic-label").hidden = kind !== "topic";
  document.getElementById("correction-target-label").hidden = kind !== "merge";
}

async function correct(event) {
  event.preventDefault();
  const kind = document.getElementById("correction-kind").value;
  const body = { kind, reason: document.getElementById("correction-reason").value.trim() || null };
  if (kind === "topic") body.topic = document.getElementById("correction-topic").value;
  if (kind === "merge") body.target = document.getElementById("correction-target").value.trim();
  await submit("correction", "corrections", body, ["corrections", "correction_id"], "Koreksi tersimpan.");
}

let wired = false;
session(refresh, async () => {
  if (wired) return;
  wired = true;
  document.getElementById("action-status").addEventListener("change", toggleUnit);
  document.getElementById("action-form").addEventListener("submit", act);
  document.getElementById("correction-kind").addEventListener("change", toggleCorrection);
  document.getElementById("correction-form").addEventListener("submit", correct);
}, () => {});
