"use strict";
// The operator page: looks a lead up by any alias, shows its timeline and signals (live from the signal stream),
// and a campaign's funnel. Every call goes to the query API with the credentials the browser signed in with.
(() => {
  const TimelinePageSize = 200;
  const TimelinePagesShown = 5;
  const RefreshMilliseconds = 3000;
  const byId = (id) => document.getElementById(id);
  let shownLead = null;
  let refreshTimer = null;
  let signalStream = null;

  class ApiError extends Error {
    constructor(status, detail) { super(detail); this.status = status; }
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" }, cache: "no-store" });
    if (response.ok) return response.json();
    let detail = `The service answered ${response.status}.`;
    try { const problem = await response.json(); detail = problem.detail || problem.title || detail; } catch { /* not JSON */ }
    throw new ApiError(response.status, detail);
  }

  // What people paste: a bare email, a phone number or a LinkedIn URL become the aliases the API reads.
  function aliasOf(text) {
    const value = text.trim();
    if (/^ld_[0-9a-f]{32}$/i.test(value) || /^[a-z]+:/i.test(value) && !/^https?:/i.test(value)) return value;
    if (value.includes("@")) return `email:${value}`;
    if (/linkedin\.com\//i.test(value)) return `linkedin:${value}`;
    if (/^\+?[0-9][0-9 ()-]{5,}$/.test(value)) return `phone:${value.replace(/[ ()-]/g, "")}`;
    return value;
  }

  function setStatus(element, text, isError = false) {
    element.textContent = text;
    element.classList.toggle("error", isError);
  }

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text ?? "";
    if (className) td.className = className;
    return td;
  }

  const when = (iso) => new Date(iso).toLocaleString();
  const plural = (count, noun) => `${count} ${noun}${count === 1 ? "" : "s"}`;

  async function readTimeline(leadId) {
    const events = [];
    let cursor = null;
    for (let page = 0; page < TimelinePagesShown; page++) {
      const query = `limit=${TimelinePageSize}` + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : "");
      const body = await getJson(`/api/leads/${encodeURIComponent(leadId)}/timeline?${query}`);
      events.push(...body.events);
      cursor = body.nextCursor;
      if (!cursor) return { events, complete: true };
    }
    return { events, complete: false };
  }

  function renderTimeline({ events, complete }) {
    const rows = byId("timeline-rows");
    rows.replaceChildren();
    for (const event of [...events].reverse()) {
      const row = rows.insertRow();
      row.dataset.eventId = event.id;
      cell(row, when(event.occurredAt));
      cell(row, event.channel);
      cell(row, event.kind.replaceAll("_", " "));
      cell(row, [event.subject, event.text].filter(Boolean).join(" — ") || event.url || "", "text");
      cell(row, event.sentiment ?? "", event.sentiment ?? "");
    }
    byId("timeline-count").textContent = complete ? `(${plural(events.length, "event")})` : `(the first ${events.length} events)`;
  }

  function renderSignal(signal, isNew) {
    const list = byId("signals");
    if (list.querySelector(`[data-signal-id="${CSS.escape(signal.id)}"]`)) return;
    const item = document.createElement("li");
    item.dataset.signalId = signal.id;
    item.textContent = `${signal.type.replaceAll("-", " ")} — ${when(signal.occurredAt)}` +
      (signal.campaignKey ? ` (${signal.campaignKey})` : "");
    if (isNew) item.classList.add("new");
    list.prepend(item);
  }

  function renderLead(lead) {
    byId("lead-name").textContent = [lead.firstName, lead.lastName].filter(Boolean).join(" ") || lead.emails[0] || lead.id;
    byId("lead-id").textContent = lead.id;
    byId("lead-company").textContent = lead.company ?? "—";
    byId("lead-state").textContent = `${lead.status}, ${plural(lead.eventCount, "event")}`;
    const aliases = byId("lead-aliases");
    aliases.replaceChildren(...lead.aliases.map((alias) => {
      const item = document.createElement("li");
      item.textContent = alias;
      return item;
    }));
    byId("lead").hidden = false;
  }

  async function refreshTimeline() {
    if (!shownLead || document.hidden) return;
    try {
      const [lead, timeline] = await Promise.all([getJson(`/api/leads/${encodeURIComponent(shownLead)}`), readTimeline(shownLead)]);
      renderLead(lead);
      renderTimeline(timeline);
    } catch (error) {
      setStatus(byId("lead-status"), `Refreshing the timeline failed: ${error.message}`, true);
    }
  }

  function followSignals() {
    if (signalStream) return;
    const live = byId("live-state");
    signalStream = new EventSource("/api/signals/stream");
    signalStream.onopen = () => { live.textContent = "live"; live.classList.remove("off"); };
    signalStream.onerror = () => { live.textContent = "reconnecting…"; live.classList.add("off"); };
    signalStream.addEventListener("signal", (message) => {
      const signal = JSON.parse(message.data);
      if (signal.leadId !== shownLead) return;
      renderSignal(signal, true);
      refreshTimeline();
    });
  }

  async function showLead(text) {
    const status = byId("lead-status");
    setStatus(status, "Looking…");
    try {
      const lead = await getJson(`/api/leads/${encodeURIComponent(aliasOf(text))}`);
      const [timeline, signals] = await Promise.all([
        readTimeline(lead.id),
        getJson(`/api/leads/${encodeURIComponent(lead.id)}/signals`),
      ]);
      shownLead = lead.id;
      renderLead(lead);
      renderTimeline(timeline);
      byId("signals").replaceChildren();
      for (const signal of signals.signals) renderSignal(signal, false);
      setStatus(status, `Showing lead ${lead.id}; new events appear as they arrive.`);
      followSignals();
      clearInterval(refreshTimer);
      refreshTimer = setInterval(refreshTimeline, RefreshMilliseconds);
    } catch (error) {
      setStatus(status, error.status === 404 ? "No lead has that id or alias." : error.message, true);
    }
  }

  async function showFunnel(text) {
    const status = byId("campaign-status");
    setStatus(status, "Looking…");
    try {
      const campaign = await getJson(`/api/campaigns/${encodeURIComponent(text.trim())}`);
      const funnel = campaign.funnel;
      const steps = [["Sent", funnel.sent], ["Opened", funnel.opened], ["Clicked", funnel.clicked], ["Replied", funnel.replied],
        ["Positive replies", funnel.positiveReplies], ["Negative replies", funnel.negativeReplies], ["Bounced", funnel.bounced],
        ["Unsubscribed", funnel.unsubscribed]];
      const rows = byId("funnel-rows");
      rows.replaceChildren();
      for (const [step, count] of steps) {
        const row = rows.insertRow();
        const th = document.createElement("th");
        th.scope = "row";
        th.textContent = step;
        row.append(th);
        cell(row, count.toLocaleString());
        cell(row, funnel.sent > 0 ? `${(100 * count / funnel.sent).toFixed(1)}%` : "—");
      }
      byId("funnel-caption").textContent = (campaign.name ? `${campaign.name} (${campaign.campaignKey})` : campaign.campaignKey) +
        `: ${plural(campaign.leads, "lead")}`;
      byId("funnel").hidden = false;
      setStatus(status, "");
    } catch (error) {
      byId("funnel").hidden = true;
      setStatus(status, error.status === 404 ? "No event has named that campaign." : error.message, true);
    }
  }

  byId("lead-form").addEventListener("submit", (event) => { event.preventDefault(); showLead(byId("lead-query").value); });
  byId("campaign-form").addEventListener("submit", (event) => { event.preventDefault(); showFunnel(byId("campaign-query").value); });
})();
