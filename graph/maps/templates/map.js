// The map page's behaviour: data from the JSON block, legend filters, search, fading,
// freezing. Text reaches the page only through textContent, DOM properties and vis.js
// tooltips set as text; this script writes no HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("map-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var hidden = new Set();
  var status = document.getElementById("status");
  var freeze = document.getElementById("freeze");
  var colours = {};
  data.edges.forEach(function (edge) { colours[edge.id] = edge.color; });

  var categoryOf = new Map(data.nodes.map(function (node) { return [node.id, node.category]; }));
  function nodeShown(id) {
    return categoryOf.has(id) && !hidden.has(categoryOf.get(id));
  }
  var nodesView = new vis.DataView(nodes, {
    filter: function (node) { return !hidden.has(node.category); }
  });
  var edgesView = new vis.DataView(edges, {
    filter: function (edge) {
      return !hidden.has(edge.category) && nodeShown(edge.from) && nodeShown(edge.to);
    }
  });
  var network = new vis.Network(document.getElementById("map"),
                                {nodes: nodesView, edges: edgesView}, data.options);
  var state = {network: network, nodes: nodes, edges: edges, nodesView: nodesView,
               edgesView: edgesView, ready: false, readyAt: null, frozen: !data.physics,
               faded: null};
  window.milcoopMap = state;

  function showCounts() {
    status.textContent = nodesView.length + " of " + nodes.length + " nodes, " +
      edgesView.length + " of " + edges.length + " " + data.edgeNoun + " shown";
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

  function applyFilters() {
    nodesView.refresh();
    edgesView.refresh();
    showCounts();
  }
  var boxes = document.querySelectorAll("aside input[type=checkbox]");
  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) { hidden.delete(box.dataset.category); }
      else { hidden.add(box.dataset.category); }
      applyFilters();
    });
  });
  document.getElementById("reset").addEventListener("click", function () {
    hidden.clear();
    boxes.forEach(function (box) { box.checked = true; });
    network.unselectAll();
    if (data.fade) { fade(null); }
    applyFilters();
    network.fit();
  });

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
