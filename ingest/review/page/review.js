"use strict";
// The review page: lists the proposals, shows one with its evidence, and sends decisions.
// Every text from the server is placed with textContent, never parsed as markup.
(function () {
  const META = JSON.parse(document.getElementById("meta").textContent);
  const $ = (id) => document.getElementById(id);
  const state = { items: [], reports: [], selected: null, detail: null, busy: false };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
    }
    return node;
  }

  function say(text, error) {
    const box = $("message");
    box.textContent = text;
    box.className = error ? "error" : "";
  }

  async function call(method, url, body) {
    const options = { method, headers: {} };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.headers["X-Milcoop-Token"] = META.token;
      options.body = JSON.stringify(body);
    }
    const response = await fetch(url, options);
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (!response.ok) {
      throw new Error((data && data.error) || ("the server answered " + response.status));
    }
    return data;
  }

  function shown() {
    const want = $("f-state").value, report = $("f-report").value;
    const label = $("f-label").value, rule = $("f-rule").value;
    const low = parseFloat($("f-min").value || "0"), high = parseFloat($("f-max").value || "1");
    return state.items.filter((item) =>
      (!want || (want === "decided" ? item.state !== "undecided" : item.state === want)) &&
      (!report || item.article === report) && (!label || item.label === label) &&
      (!rule || item.rule === rule) && item.confidence >= low - 1e-9 &&
      item.confidence <= high + 1e-9);
  }

  function fillSelect(select, values) {
    const chosen = select.value;
    while (select.options.length > 1) select.remove(1);
    for (const value of values) select.append(el("option", { value }, value));
    if (values.includes(chosen)) select.value = chosen;
  }

  function renderFilters() {
    const uniq = (key) => [...new Set(state.items.map((item) => item[key]))].sort();
    fillSelect($("f-report"), state.reports.map((report) => report.id));
    fillSelect($("f-label"), uniq("label"));
    fillSelect($("f-rule"), uniq("rule"));
  }

  function renderProgress(data) {
    $("progress").textContent = data.decided + " decided, " + data.left + " left of " +
      (data.decided + data.left) + " proposals in " + data.reports.length + " report(s)";
    $("undo").disabled = !data.undo;
    $("undo").title = data.undo ? "Undo: " + data.undo + " (u)" : "Nothing to undo";
  }

  function renderList() {
    const list = $("list");
    list.textContent = "";
    const visible = shown();
    const counts = Object.fromEntries(state.reports.map((report) => [report.id, report]));
    let current = null;
    for (const item of visible) {
      if (item.article !== current) {
        current = item.article;
        const report = counts[current];
        list.append(el("h2", { title: report.title }, current,
          el("span", { class: "count" }, report.decided + " decided, " + report.left + " left")));
      }
      const row = el("div", {
        class: "row" + (item.number === state.selected ? " selected" : ""),
        "data-number": item.number, role: "button", tabindex: "-1",
        onclick: () => select(item.number),
      },
      el("span", { class: "conf" }, item.confidence.toFixed(2)),
      el("span", { class: "fact" }, item.fact),
      el("span", { class: "badge " + item.state }, item.state));
      list.append(row);
    }
    if (!visible.length) list.append(el("p", { class: "hint" }, "No proposal matches the filters."));
    const chosen = list.querySelector(".row.selected");
    if (chosen) chosen.scrollIntoView({ block: "nearest" });
  }

  function highlighted(window) {
    // The text with its marks: cut at every mark boundary, each piece marked by every
    // mark covering it.
    const box = el("div", { class: "report-text" });
    if (window.text === null || window.text === undefined) {
      box.append("The report's text is not at hand (pass --corpus with its folder).");
      return box;
    }
    const text = window.text, marks = window.marks;
    const cuts = new Set([0, text.length]);
    for (const [a, b] of marks) { cuts.add(a); cuts.add(b); }
    const points = [...cuts].sort((x, y) => x - y);
    if (window.start > 0) box.append("… ");
    let first = null;
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const kinds = [...new Set(marks.filter(([x, y]) => x <= a && y >= b).map((m) => m[2]))];
      const piece = text.slice(a, b);
      if (!kinds.length) { box.append(piece); continue; }
      const mark = el("mark", { class: kinds.sort().join(" "), title: kinds.join(", ") }, piece);
      if (kinds.includes("evidence") && !first) first = mark;
      box.append(mark);
    }
    if (window.start + text.length < window.length) box.append(" …");
    if (first) setTimeout(() => first.scrollIntoView({ block: "center" }), 0);
    return box;
  }

  function curatedBox(curated) {
    const box = el("div", { class: "curated" });
    for (const entity of curated) {
      const head = entity.name
        ? entity.label + " " + entity.name + " (" + entity.id + ") is curated in " +
          entity.reports.length + " report(s)"
        : entity.id + " is not curated yet";
      box.append(el("h3", {}, head));
      if (entity.ties.length) {
        const list = el("ul");
        for (const tie of entity.ties) {
          list.append(el("li", {}, tie.source + " " + tie.type + " " + tie.target +
            " (" + tie.article + ")"));
        }
        if (entity.more) list.append(el("li", {}, "… and " + entity.more + " more"));
        box.append(list);
      }
    }
    return box;
  }

  function actionBar(detail, item) {
    const bar = el("div", { class: "actions" });
    const open = item.state === "undecided";
    const button = (label, key, run, enabled) => {
      const node = el("button", { type: "button", "data-action": label.toLowerCase(),
        title: label + " (" + key + ")", onclick: run }, label + " (" + key + ")");
      node.disabled = !enabled;
      return node;
    };
    bar.append(button("Accept", "a", () => decide("accept"), open));
    bar.append(button("Reject", "x", () => decide("reject"), open));
    if (detail.kind === "entity") {
      bar.append(button("Rename", "r", () => showRename(detail), open));
      bar.append(button("Merge", "m", () => showMerge(detail), open));
    } else {
      bar.append(button("Change type", "t", () => showRetype(detail), open));
    }
    bar.append(button("Next undecided", "n", nextUndecided, true));
    return bar;
  }

  function renderDetail() {
    const pane = $("detail");
    const detail = state.detail;
    pane.textContent = "";
    if (!detail) return;
    const item = state.items.find((entry) => entry.number === detail.number);
    pane.append(el("h2", {}, item.fact));
    const report = detail.report;
    pane.append(el("p", { class: "meta" },
      item.kind + " · " + item.status + " · rule " + item.rule + " · confidence " +
      item.confidence.toFixed(2) + " · ", el("span", { class: "badge " + item.state },
        item.state + (item.detail ? " " + item.detail : "")),
      el("br"), "report " + report.id + (report.title ? ": " + report.title : "") +
      (report.published ? " (" + report.published + ")" : "")));
    if (detail.rename) pane.append(el("p", {}, "To be renamed: " + detail.rename));
    pane.append(highlighted(detail.window));
    pane.append(actionBar(detail, item));
    pane.append(el("div", { id: "tool" }));
    pane.append(curatedBox(detail.curated));
  }

  function showRename(detail) {
    const tool = $("tool");
    tool.textContent = "";
    const input = el("input", { type: "text", id: "rename-name", "aria-label": "New name",
      value: detail.rename || detail.data.name || "" });
    const form = el("form", { class: "actions", onsubmit: (event) => {
      event.preventDefault(); decide("rename", input.value);
    } }, "New name ", input, el("button", { type: "submit" }, "Rename"));
    tool.append(form);
    input.focus(); input.select();
  }

  function showMerge(detail) {
    const tool = $("tool");
    tool.textContent = "";
    const results = el("div", { class: "results" });
    const input = el("input", { type: "search", id: "merge-query",
      "aria-label": "Merge into (search by name or alias)", placeholder: "name or alias" });
    let timer = null;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const query = new URLSearchParams({ q: input.value, label: detail.data.label });
        try {
          const found = await call("GET", "/api/entities?" + query);
          results.textContent = "";
          for (const entity of found) {
            if (entity.id === detail.data.id) continue;
            results.append(el("button", { type: "button", "data-id": entity.id,
              onclick: () => decide("merge", entity.id) },
            entity.name + " (" + entity.id + (entity.curated ? ", curated" : "") + ")"));
          }
          if (!results.childNodes.length) results.append("No other " + detail.data.label +
            " matches.");
        } catch (error) { say(error.message, true); }
      }, 150);
    });
    tool.append(el("div", { class: "actions" }, "Merge into ", input), results);
    input.focus();
  }

  function showRetype(detail) {
    const tool = $("tool");
    tool.textContent = "";
    const choice = el("select", { id: "retype-type", "aria-label": "New type" });
    for (const type of detail.types) {
      if (type !== detail.data.type) choice.append(el("option", { value: type }, type));
    }
    const form = el("form", { class: "actions", onsubmit: (event) => {
      event.preventDefault(); decide("retype", choice.value);
    } }, "Change to ", choice, el("button", { type: "submit" }, "Change and accept"));
    tool.append(form);
    choice.focus();
  }

  async function refresh() {
    const data = await call("GET", "/api/items");
    state.items = data.items;
    state.reports = data.reports;
    renderProgress(data);
    renderFilters();
    renderList();
    if (data.skipped.length) say("Skipped: " + data.skipped.join("; "), true);
  }

  async function select(number) {
    state.selected = number;
    renderList();
    try {
      state.detail = await call("GET", "/api/items/" + number);
      renderDetail();
      history.replaceState(null, "", "#" + number);
    } catch (error) { say(error.message, true); }
  }

  function move(step) {
    const visible = shown();
    if (!visible.length) return;
    const at = visible.findIndex((item) => item.number === state.selected);
    const next = at < 0 ? 0 : Math.min(visible.length - 1, Math.max(0, at + step));
    select(visible[next].number);
  }

  function nextUndecided() {
    const visible = shown().filter((item) => item.state === "undecided");
    const all = visible.length ? visible : state.items;
    const start = all.findIndex((item) => item.number === state.selected);
    for (let i = 1; i <= all.length; i++) {
      const item = all[(start + i + all.length) % all.length];
      if (item.state === "undecided") { select(item.number); return; }
    }
    say("Every proposal is decided.");
  }

  async function decide(action, value) {
    const item = state.items.find((entry) => entry.number === state.selected);
    if (!item || state.busy) return;
    state.busy = true;
    try {
      const body = { item: item.number, action, seen: item.state };
      if (value !== undefined) body.value = value;
      const answer = await call("POST", "/api/decide", body);
      say(answer.done);
      await refresh();
      if (action === "rename") await select(item.number);
      else nextUndecided();
    } catch (error) {
      say(error.message, true);
      await refresh();
    } finally { state.busy = false; }
  }

  async function undo() {
    try {
      const answer = await call("POST", "/api/undo", {});
      say(answer.done);
      await refresh();
      if (state.selected !== null) await select(state.selected);
    } catch (error) { say(error.message, true); }
  }

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target && ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName)) {
      if (event.key === "Escape") target.blur();
      return;
    }
    const detail = state.detail;
    const keys = {
      a: () => decide("accept"), x: () => decide("reject"), n: nextUndecided,
      j: () => move(1), k: () => move(-1), ArrowDown: () => move(1), ArrowUp: () => move(-1),
      u: undo,
      r: () => detail && detail.kind === "entity" && showRename(detail),
      m: () => detail && detail.kind === "entity" && showMerge(detail),
      t: () => detail && detail.kind === "relation" && showRetype(detail),
    };
    if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
  });

  for (const id of ["f-state", "f-report", "f-label", "f-rule", "f-min", "f-max"]) {
    $(id).addEventListener("change", renderList);
    $(id).addEventListener("input", renderList);
  }
  $("filters").addEventListener("submit", (event) => event.preventDefault());
  $("undo").addEventListener("click", undo);

  refresh().then(() => {
    const wanted = parseInt(location.hash.slice(1), 10);
    if (!Number.isNaN(wanted) && state.items.some((item) => item.number === wanted)) {
      select(wanted);
    } else {
      nextUndecided();
    }
  }).catch((error) => say(error.message, true));
})();
