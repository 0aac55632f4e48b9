// The map page's behaviour: data from the JSON block, legend filters, search, fading,
// freezing. Text reaches the page only through textContent, DOM properties and vis.js
// tooltips set as text; this script writes no HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("map-data").textContent);
  // A country tie group (ties of one kind and years) is written once in data.ties, its
  // edges holding its index there, and each name it lists once in data.names.
  data.ties.forEach(function (tie) {
    tie.what = tie.what.map(function (i) { return data.names[i]; });
  });
  data.edges.forEach(function (edge) {
    if (edge.ties) { edge.ties = edge.ties.map(function (i) { return data.ties[i]; }); }
  });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var hidden = new Set();
  var status = document.getElementById("status");
  var freeze = document.getElementById("freeze");
  var colours = {};
  data.edges.forEach(function (edge) { colours[edge.id] = edge.color; });

  var categoryOf = new Map(data.nodes.map(function (node) { return [node.id, node.category]; }));
  var time = data.years ? {first: data.years[0], last: data.years[1], clock: "happened",
                           undated: true} : null;
  var shownNodes = new Set(), shownEdges = new Set(), weights = new Map();

  // Whether an item falls in the window on the clock; null when it has no date on it
  // (graph/maps/timeline.py: in_window, the same rule in Python).
  function inWindow(item) {
    if (time.clock === "happened") {
      var when = item.when;
      if (!when) { return null; }
      return when[0] <= time.last && (when[1] === null || when[1] >= time.first);
    }
    var told = item.told || [];
    if (!told.length) { return null; }
    return told.some(function (y) { return y >= time.first && y <= time.last; });
  }
  function falls(inside) { return inside === null ? time.undated : inside; }
  // What shows: graph/maps/timeline.py's shown(), step for step.
  function compute() {
    shownNodes = new Set();
    shownEdges = new Set();
    weights = new Map();
    var ended = new Set(), linked = new Set();
    data.edges.forEach(function (edge) {
      if (hidden.has(edge.category) || hidden.has(categoryOf.get(edge.from)) ||
          hidden.has(categoryOf.get(edge.to))) { return; }
      linked.add(edge.from);
      linked.add(edge.to);
      if (time) {
        if (edge.ties) {
          var weight = edge.ties.reduce(function (sum, tie) {
            return sum + (falls(inWindow(tie)) ? tie.n : 0);
          }, 0);
          if (!weight) { return; }
          weights.set(edge.id, weight);
        } else if (!falls(inWindow(edge))) { return; }
      }
      shownEdges.add(edge.id);
      ended.add(edge.from);
      ended.add(edge.to);
    });
    data.nodes.forEach(function (node) {
      if (hidden.has(node.category)) { return; }
      if (!time || ended.has(node.id)) { shownNodes.add(node.id); return; }
      var inside = inWindow(node);
      if (inside === true || (inside === null && time.undated && !linked.has(node.id))) {
        shownNodes.add(node.id);
      }
    });
  }
  function nodeShown(id) { return shownNodes.has(id); }
  compute();
  // The legend's categories filter through data views. The time window hides the items
  // vis.js holds in place (their "hidden" option, set on the items themselves), changing
  // only those whose state changes, then has vis.js (9.1.2, inlined) list what it draws
  // again: adding and removing items through a view rebuilds them, updating them through
  // the data set re-reads all their options, and a full data refresh re-clusters: each
  // took from 0.3 s to most of a second per slider step at 5,000 nodes.
  var nodesView = new vis.DataView(nodes, {
    filter: function (node) { return !hidden.has(node.category); }
  });
  var edgesView = new vis.DataView(edges, {
    filter: function (edge) {
      return !hidden.has(edge.category) && !hidden.has(categoryOf.get(edge.from)) &&
        !hidden.has(categoryOf.get(edge.to));
    }
  });
  var outOfTime = {nodes: new Set(), edges: new Set()}, categoriesChanged = false;
  function hideOutOfTime(all) {
    var body = network.body, changed = false;
    [["nodes", data.nodes, shownNodes, body.nodes], ["edges", data.edges, shownEdges, body.edges]]
      .forEach(function (kind) {
        var was = outOfTime[kind[0]], now = new Set(), held = kind[3];
        kind[1].forEach(function (item) {
          if (!hidden.has(item.category) && !kind[2].has(item.id)) { now.add(item.id); }
        });
        var set = function (id, flag) {
          if (held[id] && held[id].options.hidden !== flag) {
            held[id].options.hidden = flag;
            changed = true;
          }
        };
        now.forEach(function (id) { if (all || !was.has(id)) { set(id, true); } });
        was.forEach(function (id) { if (!now.has(id)) { set(id, false); } });
        outOfTime[kind[0]] = now;
      });
    if (changed) {
      network._updateVisibleIndices();
      body.emitter.emit("_requestRedraw");
    }
  }
  var network = new vis.Network(document.getElementById("map"),
                                {nodes: nodesView, edges: edgesView}, data.options);
  var state = {network: network, nodes: nodes, edges: edges, nodesView: nodesView,
               edgesView: edgesView, ready: false, readyAt: null, frozen: !data.physics,
               faded: null,
               counts: function () { return [shownNodes.size, shownEdges.size]; },
               shownEdges: function () { return edges.get([...shownEdges]); }};
  window.milcoopMap = state;

  if (data.geo) {
    // The graticule of the equirectangular projection, under the nodes (nothing fetched).
    network.on("beforeDrawing", function (ctx) {
      var scale = data.geo.scale, step = data.geo.step;
      ctx.save();
      ctx.lineWidth = 1 / network.getScale();
      for (var lon = -180; lon <= 180; lon += step) {
        ctx.strokeStyle = lon === 0 ? "#9fb0c2" : "#cdd6e0";
        ctx.beginPath();
        ctx.moveTo(lon * scale, -90 * scale);
        ctx.lineTo(lon * scale, 90 * scale);
        ctx.stroke();
      }
      for (var lat = -90; lat <= 90; lat += step) {
        ctx.strokeStyle = lat === 0 ? "#9fb0c2" : "#cdd6e0";
        ctx.beginPath();
        ctx.moveTo(-180 * scale, -lat * scale);
        ctx.lineTo(180 * scale, -lat * scale);
        ctx.stroke();
      }
      ctx.restore();
    });
  }

  var clockNames = {happened: "when it happened", reported: "when it was reported"};
  function showCounts() {
    var when = time ? (time.first === time.last ? String(time.first) :
      time.first + "–" + time.last) + " (" + clockNames[time.clock] + "): " : "";
    status.textContent = when + shownNodes.size + " of " + nodes.length + " nodes, " +
      shownEdges.size + " of " + edges.length + " " + data.edgeNoun + " shown";
  }
  function markReady() {
    state.ready = true;
    state.readyAt = performance.now();
    showCounts();
  }
  function setFrozen(frozen) {
    state.frozen = frozen;
    network.setOptions({physics: {enabled: !frozen}});
    freeze.textContent = frozen ? "Unfreeze layout" : "Freeze layout";
  }

  if (data.physics) {
    network.on("stabilizationProgress", function (p) {
      status.textContent = "Settling the layout… " +
        Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      setFrozen(true);
      network.once("afterDrawing", markReady);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", markReady);
  }
  freeze.addEventListener("click", function () { setFrozen(!state.frozen); });
  document.getElementById("fit").addEventListener("click", function () { network.fit(); });

  function fade(centre) {
    var keep = new Set(centre === null ? [] : network.getConnectedNodes(centre));
    if (centre !== null) { keep.add(centre); }
    var dim = function (id) { return centre !== null && !keep.has(id); };
    nodes.update(nodes.getIds().map(function (id) {
      return {id: id, opacity: dim(id) ? 0.15 : 1};
    }));
    edges.update(edges.get().map(function (edge) {
      var far = centre !== null && edge.from !== centre && edge.to !== centre;
      var colour = Object.assign({}, colours[edge.id], {opacity: far ? 0.1 : 1});
      return {id: edge.id, color: colour, font: {color: far ? "rgba(0,0,0,0)" : "#555555"}};
    }));
    state.faded = centre;
  }
  if (data.fade) {
    network.on("selectNode", function (params) { fade(params.nodes[0]); });
    network.on("deselectNode", function () { fade(null); });
  }

  var weighed = new Map(data.edges.filter(function (edge) { return edge.ties; })
    .map(function (edge) { return [edge.id, edge.value]; }));
  var titles = new Map(data.edges.map(function (edge) { return [edge.id, edge.title]; }));
  var edgeById = new Map(data.edges.map(function (edge) { return [edge.id, edge]; }));
  var nameOf = new Map(data.nodes.map(function (node) { return [node.id, node.name]; }));
  // A country tie's tooltip for the window: how many ties fall in it, of which kinds and
  // through what (the page's own text, set as text), then the sources of all its years.
  function tieTitle(id) {
    var edge = edgeById.get(id);
    var inside = edge.ties.filter(function (tie) { return falls(inWindow(tie)); });
    var kinds = {}, count = 0, names = [];
    inside.forEach(function (tie) {
      kinds[tie.kind] = (kinds[tie.kind] || 0) + tie.n;
      count += tie.n;
      names = names.concat(tie.what.slice(0, 16 - names.length));
    });
    var when = time.first === time.last ? String(time.first) : time.first + "–" + time.last;
    var lines = [nameOf.get(edge.from) + " — " + nameOf.get(edge.to) + ": " + count +
                 " tie" + (count === 1 ? "" : "s") + " in " + when + " (" +
                 clockNames[time.clock] + ")",
                 Object.keys(kinds).sort().map(function (k) { return k + " " + kinds[k]; })
                   .join(", "), "through:"];
    names.forEach(function (name) { lines.push("• " + name); });
    if (count > names.length) { lines.push("… and " + (count - names.length) + " more"); }
    var cited = edge.title.indexOf("\n\n");
    return lines.join("\n") + (cited < 0 ? "" : edge.title.slice(cited));
  }
  function applyFilters() {
    compute();
    if (weighed.size) {
      var changed = [];
      weights.forEach(function (weight, id) {
        var title = tieTitle(id);
        if (weighed.get(id) !== weight || titles.get(id) !== title) {
          weighed.set(id, weight);
          titles.set(id, title);
          changed.push({id: id, value: weight, label: String(weight), title: title});
        }
      });
      if (changed.length) { edges.update(changed); }
    }
    if (categoriesChanged) {
      nodesView.refresh();
      edgesView.refresh();
    }
    hideOutOfTime(categoriesChanged);
    categoriesChanged = false;
    showCounts();
  }
  state.applyFilters = applyFilters;
  state.time = time;
  var boxes = document.querySelectorAll("aside input[type=checkbox]");
  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) { hidden.delete(box.dataset.category); }
      else { hidden.add(box.dataset.category); }
      categoriesChanged = true;
      applyFilters();
    });
  });
  document.getElementById("reset").addEventListener("click", function () {
    hidden.clear();
    categoriesChanged = true;
    boxes.forEach(function (box) { box.checked = true; });
    if (time) { time.first = data.years[0]; time.last = data.years[1]; }
    if (state.setWindow) { state.setWindow(data.years[0], data.years[1]); }
    network.unselectAll();
    if (data.fade) { fade(null); }
    applyFilters();
    network.fit();
  });

  if (time) {
    var first = document.getElementById("first"), last = document.getElementById("last");
    var play = document.getElementById("play"), timer = null;
    var setWindow = function (from, to) {
      time.first = Math.min(from, to);
      time.last = Math.max(from, to);
      first.value = time.first;
      last.value = time.last;
      document.getElementById("first-year").textContent = time.first;
      document.getElementById("last-year").textContent = time.last;
      applyFilters();
    };
    state.setWindow = setWindow;
    first.addEventListener("input", function () { setWindow(+first.value, time.last); });
    last.addEventListener("input", function () { setWindow(time.first, +last.value); });
    document.getElementById("clock").addEventListener("change", function (event) {
      time.clock = event.target.value;
      applyFilters();
    });
    document.getElementById("undated").addEventListener("change", function (event) {
      time.undated = event.target.checked;
      applyFilters();
    });
    var stop = function () {
      clearInterval(timer);
      timer = null;
      play.textContent = "Play";
    };
    var step = function () {
      if (time.last >= data.years[1]) { stop(); return; }
      setWindow(time.first, time.last + 1);
    };
    play.addEventListener("click", function () {
      if (timer !== null) { stop(); return; }
      if (time.last >= data.years[1]) { setWindow(time.first, time.first); }
      play.textContent = "Pause";
      timer = setInterval(step, 700);
    });
  }

  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }
  var index = new Map();
  var list = document.getElementById("names");
  data.nodes.forEach(function (node) {
    [node.id, node.name].concat(node.aliases).forEach(function (key) {
      if (!index.has(fold(key))) { index.set(fold(key), node.id); }
    });
    var option = document.createElement("option");
    option.value = node.name;
    list.appendChild(option);
  });
  function find(text) {
    var key = fold(text);
    if (index.has(key)) { return index.get(key); }
    var hit = data.nodes.find(function (node) { return fold(node.name).includes(key); });
    return hit ? hit.id : null;
  }
  function select(text) {
    if (!text.trim()) { return; }
    var id = find(text);
    if (id === null) { status.textContent = "Nothing called “" + text + "”"; return; }
    if (!nodeShown(id)) {
      status.textContent = "“" + nodes.get(id).name + "” is hidden by the filters";
      return;
    }
    network.selectNodes([id]);
    if (data.fade) { fade(id); }
    network.focus(id, {scale: 1.2, animation: {duration: 400}});
    status.textContent = nodes.get(id).name + " selected";
  }
  state.select = select;
  var search = document.getElementById("search");
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { select(search.value); }
  });
  search.addEventListener("input", function (event) {
    if (event.inputType === undefined || event.inputType === "insertReplacementText") {
      select(search.value);
    }
  });
}());
