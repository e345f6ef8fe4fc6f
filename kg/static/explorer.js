/* The graph explorer: search, class / relation / region / date filters, side panel.
   Every string from the data reaches the page through textContent or the
   canvas, never through innerHTML, so names from the news stay text. */
(function () {
  "use strict";

  performance.mark("kg-start");
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  performance.mark("kg-data-parsed");
  var nodes = rows(data.nodes, data.nodeFields);
  var edges = rows(data.edges, data.edgeFields);
  var classes = {}, relations = {};
  data.classes.forEach(function (c) { classes[c.kind] = c; });
  data.relations.forEach(function (r) { relations[r.relation] = r; });
  var large = data.large;

  // Posts' dates, status and rank, and sentences' dates (issue 15). Undated graphs have none: the
  // posts list and the filters are then as they always were, and the date filter stays hidden.
  var postFields = data.postFields || [];
  var statuses = data.statuses || {};
  edges.forEach(function (e) {
    e.posts = (e.posts || []).map(function (row) { return record(row, postFields); });
  });

  var outEdges = nodes.map(function () { return []; });
  var inEdges = nodes.map(function () { return []; });
  edges.forEach(function (e, i) { outEdges[e.from].push(i); inEdges[e.to].push(i); });
  var regionByCode = {};
  nodes.forEach(function (n, i) {
    if ((n.kind === "region" || n.kind === "zone") && n.code && !(n.code in regionByCode)) regionByCode[n.code] = i;
  });

  // ------------------------------------------------------------ dates

  // A span is [first, last] as ISO day strings (they sort as text); a month or a year covers all its days.
  function firstDay(d) { return d.length === 4 ? d + "-01-01" : d.length === 7 ? d + "-01" : d; }
  function lastDay(d) { return d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d; }

  function widen(span, low, high) {
    if (!low) return span;
    var a = firstDay(low), b = lastDay(high || low);
    if (!span) return [a, b];
    return [a < span[0] ? a : span[0], b > span[1] ? b : span[1]];
  }

  // A post lasts from its start (or its first sighting) to its end (or its last sighting).
  function postSpan(p) {
    var from = p.start || p.firstSeen || p.end || p.lastSeen;
    return widen(null, from, p.end || p.lastSeen || from);
  }

  function sourcesSpan(list, span) {
    list.forEach(function (s) { var d = data.sentences[s][4]; if (d) span = widen(span, d, d); });
    return span;
  }

  var edgeSpan = edges.map(function (e) {
    var span = sourcesSpan(e.sources, null);
    e.posts.forEach(function (p) { var s = postSpan(p); if (s) span = widen(span, s[0], s[1]); });
    return span;
  });
  var fileSpan = {};
  data.sentences.forEach(function (s) { if (s[4]) fileSpan[s[0]] = widen(fileSpan[s[0]] || null, s[4], s[4]); });
  var fileIndex = {};
  data.files.forEach(function (name, i) { fileIndex[name] = i; });
  var nodeSpan = nodes.map(function (n, i) {
    var span = n.kind === "document" ? fileSpan[fileIndex[n.label]] || null : sourcesSpan(n.sources, null);
    outEdges[i].concat(inEdges[i]).forEach(function (k) {
      if (edgeSpan[k]) span = widen(span, edgeSpan[k][0], edgeSpan[k][1]);
    });
    return span;
  });
  var extent = null;
  nodeSpan.concat(edgeSpan).forEach(function (s) { if (s) extent = widen(extent, s[0], s[1]); });

  var state = {
    kinds: new Set(data.classes.map(function (c) { return c.kind; })),
    relations: new Set(data.relations.map(function (r) { return r.relation; })
      .concat(edges.map(function (e) { return e.relation; }))),
    region: -1,
    dateFrom: extent ? extent[0] : "",   // the date filter: the whole extent, undated kept, filters nothing
    dateTo: extent ? extent[1] : "",
    undated: true,
    highlight: null,        // Set of node indices: the focus and its neighbours; or null
    focus: -1,
    focusEdges: [],         // indices of the focus's shown edges
    visible: nodes.map(function () { return true; })
  };

  // ------------------------------------------------------------ helpers

  function rows(list, fields) {
    return list.map(function (row) { return record(row, fields); });
  }

  function record(row, fields) {
    var o = {};
    fields.forEach(function (f, i) { o[f] = row[i]; });
    return o;
  }

  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        if (k === "text") node.textContent = props[k];
        else if (k === "className") node.className = props[k];
        else if (k === "onclick") node.addEventListener("click", props[k]);
        else node.setAttribute(k, props[k]);
      });
    }
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function shapeIcon(shape, color) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "14"); svg.setAttribute("height", "14"); svg.setAttribute("viewBox", "0 0 14 14");
    var s;
    if (shape === "dot") { s = document.createElementNS(ns, "circle"); s.setAttribute("cx", "7"); s.setAttribute("cy", "7"); s.setAttribute("r", "6"); }
    else if (shape === "square") { s = document.createElementNS(ns, "rect"); s.setAttribute("x", "1.5"); s.setAttribute("y", "1.5"); s.setAttribute("width", "11"); s.setAttribute("height", "11"); }
    else {
      var pts = { triangle: "7,1 13,12.5 1,12.5", triangleDown: "1,1.5 13,1.5 7,13", diamond: "7,0.5 13.5,7 7,13.5 0.5,7",
                  hexagon: "3.5,1 10.5,1 13.5,7 10.5,13 3.5,13 0.5,7" }[shape] || "1,1 13,1 13,13 1,13";
      s = document.createElementNS(ns, "polygon"); s.setAttribute("points", pts);
    }
    s.setAttribute("fill", color); s.setAttribute("stroke", "#555"); s.setAttribute("stroke-width", "0.6");
    svg.appendChild(s);
    return svg;
  }

  function lineIcon(color) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "22"); svg.setAttribute("height", "10"); svg.setAttribute("viewBox", "0 0 22 10");
    var l = document.createElementNS(ns, "line");
    l.setAttribute("x1", "1"); l.setAttribute("y1", "5"); l.setAttribute("x2", "16"); l.setAttribute("y2", "5");
    l.setAttribute("stroke", color); l.setAttribute("stroke-width", "2.5");
    var a = document.createElementNS(ns, "polygon");
    a.setAttribute("points", "15,1 21,5 15,9"); a.setAttribute("fill", color);
    svg.appendChild(l); svg.appendChild(a);
    return svg;
  }

  function classOf(n) { return classes[n.kind] || { label: n.kind, labelEn: n.kind, color: "#ccc", shape: "dot" }; }

  function edgeLabel(e) {
    var r = relations[e.relation];
    var name = r ? r.label : e.relation;
    return e.titles.length ? name + "：" + e.titles.join("、") : name;
  }

  // ------------------------------------------------------------ the network

  // Items carry only what differs from the defaults (class styles are vis groups), which keeps
  // creating tens of thousands of them cheap. Highlight and filters never restyle every item:
  // filters flip `hidden` on the items that change, and the highlight is drawn over the canvas.
  var groups = {};
  data.classes.forEach(function (c) {
    groups[c.kind] = { shape: c.shape, color: { background: c.color, border: "#4a4a4a",
      highlight: { background: c.color, border: "#111" }, hover: { background: c.color, border: "#111" } } };
  });
  var visNodes = new vis.DataSet(nodes.map(function (n, i) {
    var item = { id: i, label: n.label, group: n.kind, size: n.size };
    if (n.x !== null && n.y !== null) { item.x = n.x; item.y = n.y; }
    return item;
  }));
  var visEdges = new vis.DataSet(edges.map(function (e, i) {
    var r = relations[e.relation];
    return { id: i, from: e.from, to: e.to, label: edgeLabel(e), color: r ? r.color : "#999" };
  }));

  performance.mark("kg-datasets");
  var options = {
    autoResize: true,
    groups: groups,
    layout: { randomSeed: 7, improvedLayout: false },
    nodes: {
      borderWidth: 1, borderWidthSelected: 3,
      font: { size: 14, face: 'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
              strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { label: { drawThreshold: large ? 9 : 6 } }
    },
    edges: {
      // big graphs draw arrowheads only on the focused node's edges: 20,000 of them cost more than the lines
      arrows: { to: { enabled: !large, scaleFactor: 0.45 } },
      width: 1,
      selectionWidth: 1.5,
      font: { size: 10, align: "horizontal", strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { label: { drawThreshold: 8 } },
      smooth: large ? false : { enabled: true, type: "continuous", roundness: 0.3 }
    },
    interaction: {
      hover: !large, tooltipDelay: 300, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
      keyboard: false, multiselect: false
    },
    physics: large ? { enabled: false } : {
      enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -70, centralGravity: 0.012, springLength: 90, springConstant: 0.06,
                          avoidOverlap: 0.4 },
      stabilization: { enabled: true, iterations: 100, updateInterval: 50, fit: true },
      minVelocity: 1.5, maxVelocity: 40
    }
  };

  var container = document.getElementById("kg-graph");
  var network = new vis.Network(container, { nodes: new vis.DataSet(), edges: new vis.DataSet() }, options);
  network.once("afterDrawing", function () {
    window.kgFirstDraw = performance.now();
    document.documentElement.setAttribute("data-drawn", "true");
  });
  network.on("afterDrawing", drawHighlight);
  network.setData({ nodes: visNodes, edges: visEdges });
  performance.mark("kg-set-data");
  if (!large) network.once("stabilizationIterationsDone", function () { network.fit(); });

  // The highlight: a white veil over the drawn graph, then the focus's edges and neighbours
  // drawn again on top with vis-network's own node and edge painters (the vis build is shipped
  // with the page, so these internals cannot change under it).
  function drawHighlight(ctx) {
    if (!state.highlight) return;
    var canvas = ctx.canvas;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "rgba(255, 255, 255, 0.8)";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.restore();
    var bodyEdges = network.body.edges, bodyNodes = network.body.nodes;
    state.focusEdges.forEach(function (k) {
      var e = bodyEdges[k];
      if (!e || !e.connected || !edgeShown(k)) return;
      e.draw(ctx);
      var to = e.options.arrows.to, enabled = to.enabled;
      to.enabled = true;              // big graphs draw arrowheads here only
      e.drawArrows(ctx);
      to.enabled = enabled;
    });
    var labels = [];
    state.highlight.forEach(function (i) {
      var n = bodyNodes[i];
      if (n && state.visible[i]) {
        var drawn = n.draw(ctx);
        if (drawn && drawn.drawExternalLabel) labels.push(drawn.drawExternalLabel);
      }
    });
    labels.forEach(function (draw) { draw(); });
  }

  function edgeShown(k) {
    var e = edges[k];
    return state.visible[e.from] && state.visible[e.to] && state.relations.has(e.relation) && inDates(edgeSpan[k]);
  }

  function datesFilter() {
    return extent !== null && (state.dateFrom > extent[0] || state.dateTo < extent[1] || !state.undated);
  }

  function inDates(span) {
    if (!datesFilter()) return true;
    if (!span) return state.undated;
    return span[0] <= state.dateTo && span[1] >= state.dateFrom;
  }

  function updateStatus() {
    var shown = state.visible.filter(Boolean).length;
    var shownEdges = 0;
    for (var k = 0; k < edges.length; k++) if (edgeShown(k)) shownEdges += 1;
    var status = document.getElementById("kg-status");
    status.textContent = "显示 " + shown + " / " + nodes.length + " 个节点，" + shownEdges + " / " + edges.length +
      " 条边 · showing " + shown + " of " + nodes.length + " nodes";
    status.setAttribute("data-visible-nodes", String(shown));
    status.setAttribute("data-visible-edges", String(shownEdges));
  }

  // ------------------------------------------------------------ filters

  function applyFilters() {
    var region = state.region, changes = [];
    nodes.forEach(function (n, i) {
      var visible = state.kinds.has(n.kind) && (region < 0 || n.places.indexOf(region) >= 0) && inDates(nodeSpan[i]);
      if (visible !== state.visible[i]) {
        state.visible[i] = visible;
        changes.push({ id: i, hidden: !visible });
      }
    });
    if (changes.length) visNodes.update(changes);      // edges of hidden nodes are not drawn
    refocus();
    updateStatus();
  }

  // An edge is hidden when its relation is unticked or the date range leaves it out (a post that
  // ended before the range, between two people shown for other posts); only changes reach vis.
  var edgeHidden = edges.map(function () { return false; });
  function syncEdges() {
    var changes = [];
    edges.forEach(function (e, k) {
      var hidden = !state.relations.has(e.relation) || !inDates(edgeSpan[k]);
      if (hidden !== edgeHidden[k]) { edgeHidden[k] = hidden; changes.push({ id: k, hidden: hidden }); }
    });
    if (changes.length) visEdges.update(changes);
  }

  function applyRelation() {
    syncEdges();
    refocus();
    updateStatus();
  }

  // The date range hides the nodes and edges the sources date outside it, and unless kept, those
  // they do not date.
  function applyDates() {
    syncEdges();
    applyFilters();
  }

  function buildDates() {
    if (!extent) return;                  // nothing is dated: no date filter
    var from = document.getElementById("kg-date-from"), to = document.getElementById("kg-date-to");
    var undated = document.getElementById("kg-undated");
    [from, to].forEach(function (input) { input.min = extent[0]; input.max = extent[1]; });
    from.value = extent[0];
    to.value = extent[1];
    function changed() {
      state.dateFrom = from.value || extent[0];
      state.dateTo = to.value || extent[1];
      state.undated = undated.checked;
      applyDates();
    }
    from.addEventListener("change", changed);
    to.addEventListener("change", changed);
    undated.addEventListener("change", changed);
    document.getElementById("kg-dates").hidden = false;
  }

  function refocus() {
    if (state.focus >= 0 && state.visible[state.focus]) setFocus(state.focus);
    else if (state.focus >= 0) clearHighlight();
  }

  function buildLegend() {
    var list = document.getElementById("kg-classes");
    data.classes.forEach(function (c) {
      if (!c.count) return;
      var box = el("input", { type: "checkbox", "data-kind": c.kind });
      box.checked = true;
      box.addEventListener("change", function () {
        if (box.checked) state.kinds.add(c.kind); else state.kinds.delete(c.kind);
        applyFilters();
      });
      list.appendChild(el("li", null, [el("label", { title: c.iri }, [
        box, shapeIcon(c.shape, c.color), el("span", { text: c.label }), el("small", { text: c.labelEn }),
        el("span", { className: "kg-count", text: String(c.count) })])]));
    });
    var counts = {};
    edges.forEach(function (e) { counts[e.relation] = (counts[e.relation] || 0) + 1; });
    var rels = document.getElementById("kg-relations");
    data.relations.forEach(function (r) {
      if (!counts[r.relation]) return;
      var box = el("input", { type: "checkbox", "data-relation": r.relation });
      box.checked = true;
      box.addEventListener("change", function () {
        if (box.checked) state.relations.add(r.relation); else state.relations.delete(r.relation);
        applyRelation();
      });
      rels.appendChild(el("li", null, [el("label", { title: r.iri }, [
        box, lineIcon(r.color), el("span", { text: r.label }), el("small", { text: r.labelEn }),
        el("span", { className: "kg-count", text: String(counts[r.relation]) })])]));
    });
    var select = document.getElementById("kg-region");
    var under = {};
    nodes.forEach(function (m) { m.places.forEach(function (p) { under[p] = (under[p] || 0) + 1; }); });
    data.regionTree.forEach(function (entry) {
      var n = nodes[entry[0]];
      var text = "\u3000".repeat(entry[1]) + n.label + (n.code ? " " + n.code : "") + " (" + under[entry[0]] + ")";
      select.appendChild(el("option", { value: String(entry[0]), text: text }));
    });
    select.addEventListener("change", function () { state.region = parseInt(select.value, 10); applyFilters(); });
  }

  function resetFilters() {
    state.kinds = new Set(data.classes.map(function (c) { return c.kind; }));
    state.region = -1;
    document.getElementById("kg-region").value = "-1";
    document.querySelectorAll("#kg-classes input").forEach(function (b) { b.checked = true; });
    if (extent && datesFilter()) {
      state.dateFrom = extent[0];
      state.dateTo = extent[1];
      state.undated = true;
      document.getElementById("kg-date-from").value = extent[0];
      document.getElementById("kg-date-to").value = extent[1];
      document.getElementById("kg-undated").checked = true;
      applyDates();
    }
  }

  // ------------------------------------------------------------ search and highlight

  function neighbours(i) {
    var set = new Set([i]);
    outEdges[i].forEach(function (k) { if (edgeShown(k)) set.add(edges[k].to); });
    inEdges[i].forEach(function (k) { if (edgeShown(k)) set.add(edges[k].from); });
    return set;
  }

  function search(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var hits = [];
    nodes.forEach(function (n, i) {
      var label = n.label.toLowerCase();
      var aliases = n.aliases.map(function (a) { return String(a).toLowerCase(); });
      var score = label === q ? 0 : aliases.indexOf(q) >= 0 ? 1 : label.indexOf(q) === 0 ? 2
        : aliases.some(function (a) { return a.indexOf(q) === 0; }) ? 3 : label.indexOf(q) >= 0 ? 4
        : aliases.some(function (a) { return a.indexOf(q) >= 0; }) ? 5 : -1;
      if (score >= 0) hits.push([score, -n.degree, n.label, i]);
    });
    hits.sort(function (a, b) {
      return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[3] - b[3]);
    });
    return hits.map(function (h) { return h[3]; });
  }

  function showResults(found, query) {
    var list = document.getElementById("kg-results");
    clear(list);
    if (query.trim() && !found.length) {
      list.appendChild(el("li", { className: "kg-note", text: "没有找到 No match: " + query.trim() }));
      return;
    }
    found.slice(0, 30).forEach(function (i) {
      var n = nodes[i], c = classOf(n);
      list.appendChild(el("li", null, [el("button", { type: "button", "data-node": String(i), onclick: function () { focusNode(i); } }, [
        shapeIcon(c.shape, c.color), " ", n.label, el("small", { text: " " + c.label + (n.code ? " " + n.code : "") })])]));
    });
    if (found.length > 30) list.appendChild(el("li", { className: "kg-more", text: "… " + (found.length - 30) + " more" }));
  }

  function setFocus(i) {
    state.focus = i;
    state.highlight = neighbours(i);
    state.focusEdges = outEdges[i].concat(inEdges[i]).filter(edgeShown);
    requestRedraw();
  }

  // A redraw on the next animation frame, several requests making one (network.redraw() draws at once).
  function requestRedraw() { network.body.emitter.emit("_requestRedraw"); }

  function focusNode(i) {
    if (!state.visible[i]) { resetFilters(); applyFilters(); }
    setFocus(i);
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 1.1), animation: large ? false : { duration: 400 } });
    showNodePanel(i);
  }

  function clearHighlight() {
    state.focus = -1;
    state.highlight = null;
    state.focusEdges = [];
    network.selectNodes([]);
    requestRedraw();
  }

  // ------------------------------------------------------------ side panel

  function nodeLink(i) {
    var n = nodes[i], c = classOf(n);
    return el("button", { type: "button", className: "kg-link", "data-node": String(i), title: c.label,
                          onclick: function () { focusNode(i); } }, [n.label]);
  }

  function markText(text, words) {
    var p = el("p");
    var parts = [text];
    words.filter(function (w) { return w && w.length > 0; }).sort(function (a, b) { return b.length - a.length; })
      .forEach(function (w) {
        parts = parts.reduce(function (acc, part) {
          if (typeof part !== "string") { acc.push(part); return acc; }
          var pieces = part.split(w);
          pieces.forEach(function (piece, k) {
            if (k > 0) acc.push({ mark: w });
            if (piece) acc.push(piece);
          });
          return acc;
        }, []);
      });
    parts.forEach(function (part) {
      p.appendChild(typeof part === "string" ? document.createTextNode(part) : el("mark", { text: part.mark }));
    });
    return p;
  }

  function sourceBlock(sentenceIndex, words) {
    var s = data.sentences[sentenceIndex];
    return el("div", { className: "kg-source" }, [
      el("span", { className: "kg-file", text: data.files[s[0]] }),
      el("span", { className: "kg-offsets", text: "字符 chars " + s[1] + "–" + s[2] }),
      markText(s[3], words)]);
  }

  function sources(list, words, limit) {
    var out = list.slice(0, limit).map(function (k) { return sourceBlock(k, words); });
    if (list.length > limit) out.push(el("p", { className: "kg-more", text: "… " + (list.length - limit) + " more" }));
    return out;
  }

  function limited(items, limit) {
    var out = items.slice(0, limit);
    if (items.length > limit) out.push(el("li", { className: "kg-more", text: "… " + (items.length - limit) + " more" }));
    return out;
  }

  function showNodePanel(i) {
    var n = nodes[i], c = classOf(n);
    var body = document.getElementById("kg-panel-body");
    clear(body);
    body.appendChild(el("h2", { className: "kg-title", text: n.label }));
    var kind = el("span", { className: "kg-kind", text: c.label + " " + c.labelEn });
    kind.style.background = c.color;
    body.appendChild(kind);

    var facts = [["IRI", n.iri]];
    if (n.code) facts.push(["区划代码 code", n.code]);
    if (n.level) facts.push(["级别 level", data.levels[n.level] || n.level]);
    if (n.region) {
      var r = regionByCode[n.region];
      facts.push(["所属区划 region", r === undefined ? n.region : nodes[r].label + " " + n.region]);
    }
    if (n.aliases.length) facts.push(["别名 aliases", n.aliases.join("、")]);
    if (n.kind !== "document") facts.push(["提及 mentions", String(n.mentions)]);
    facts.push(["连接 links", String(n.degree)]);
    body.appendChild(el("dl", null, facts.reduce(function (acc, f) {
      acc.push(el("dt", { text: f[0] })); acc.push(el("dd", { text: f[1] })); return acc;
    }, [])));

    var posts = outEdges[i].filter(function (k) { return edges[k].relation === "holds_post"; });
    if (posts.length && posts.some(function (k) { return edges[k].posts.length; })) {
      body.appendChild(el("h3", { text: "任职经历 Posts over time" }));
      body.appendChild(el("ul", { id: "kg-posts", className: "kg-timeline" }, limited(timeline(posts).map(function (item) {
        var e = item.edge, p = item.post;
        return el("li", { className: p && postSpan(p) ? "" : "kg-undated", "data-when": p ? postWhen(p) : "" }, [
          el("div", null, [item.title || relations.holds_post.label, " · ", nodeLink(e.to)].concat(postBadges(p))),
          el("div", { className: "kg-when", text: postDates(p) })
        ].concat(sources(e.sources, [n.label, nodes[e.to].label].concat(e.titles), 3)));
      }), 100)));
    } else if (posts.length) {
      body.appendChild(el("h3", { text: "职务 Posts" }));
      body.appendChild(el("ul", { id: "kg-posts" }, limited(posts.map(function (k) {
        var e = edges[k];
        return el("li", null, [e.titles.join("、") || relations.holds_post.label, " · ", nodeLink(e.to)]
          .concat(sources(e.sources, [n.label, nodes[e.to].label].concat(e.titles), 3)));
      }), 100)));
    }
    var holders = inEdges[i].filter(function (k) { return edges[k].relation === "holds_post"; });
    if (holders.length) {
      body.appendChild(el("h3", { text: "任职人员 Holders" }));
      body.appendChild(el("ul", { id: "kg-holders" }, limited(timeline(holders).map(function (item) {
        var dates = item.post ? postDates(item.post) : "";
        return el("li", null, [nodeLink(item.edge.from), " · ", item.title]
          .concat(postBadges(item.post), dates ? [el("span", { className: "kg-when", text: " " + dates })] : []));
      }), 200)));
    }

    var other = [];
    outEdges[i].forEach(function (k) {
      var e = edges[k];
      if (e.relation !== "holds_post" && e.relation !== "mentioned_in") other.push([e.relation, "→", e.to]);
    });
    inEdges[i].forEach(function (k) {
      var e = edges[k];
      if (e.relation !== "holds_post" && e.relation !== "mentioned_in") other.push([e.relation, "←", e.from]);
    });
    if (other.length) {
      body.appendChild(el("h3", { text: "关系 Relations" }));
      body.appendChild(el("ul", null, limited(other.map(function (o) {
        var label = relations[o[0]] ? relations[o[0]].label : o[0];
        return el("li", null, [el("span", { className: "kg-rel", text: o[1] === "→" ? label + " → " : "← " + label + " " }),
                               nodeLink(o[2])]);
      }), 200)));
    }

    var docs = outEdges[i].filter(function (k) { return edges[k].relation === "mentioned_in"; });
    if (docs.length) {
      body.appendChild(el("h3", { text: relations.mentioned_in.label + " Source files" }));
      body.appendChild(el("ul", null, docs.map(function (k) { return el("li", null, [nodeLink(edges[k].to)]); })));
    }
    var mentioned = inEdges[i].filter(function (k) { return edges[k].relation === "mentioned_in"; });
    if (mentioned.length) {
      body.appendChild(el("h3", { text: "文中提及 Mentioned in this file (" + mentioned.length + ")" }));
      body.appendChild(el("ul", null, limited(mentioned.map(function (k) { return el("li", null, [nodeLink(edges[k].from)]); }), 300)));
    }

    if (n.sources.length) {
      body.appendChild(el("h3", { text: "来源句子 Source sentences (" + n.sources.length + ")" }));
      var box = el("div", { id: "kg-sources" }, sources(n.sources, [n.label].concat(n.aliases), 20));
      body.appendChild(box);
    }
    openPanel();
  }

  // One item per title of the given post edges, dated ones first in date order: its edge, its title and
  // its dates, status and rank if the data has them.
  function timeline(list) {
    var items = [];
    list.forEach(function (k) {
      var e = edges[k];
      (e.titles.length ? e.titles : [""]).forEach(function (title) {
        var post = null;
        e.posts.forEach(function (p) { if (p.title === title) post = p; });
        items.push({ edge: e, title: title, post: post, when: post ? postWhen(post) : "" });
      });
    });
    return items.sort(function (a, b) {
      return (!a.when - !b.when) || (a.when < b.when ? -1 : a.when > b.when ? 1 : 0) ||
        (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) || a.edge.to - b.edge.to || a.edge.from - b.edge.from;
    });
  }

  function postWhen(p) { return p.start || p.firstSeen || p.end || p.lastSeen || ""; }

  function postDates(p) {
    if (!p) return "日期不详 no date";
    var parts = [];
    if (p.start || p.end) parts.push("任期 term " + (p.start || "…") + " – " + (p.end || "…"));
    if (p.firstSeen || p.lastSeen) {
      var seen = p.firstSeen || p.lastSeen, last = p.lastSeen || p.firstSeen;
      parts.push("见于 seen " + seen + (last !== seen ? " – " + last : ""));
    }
    return parts.length ? parts.join(" · ") : "日期不详 no date";
  }

  function postBadges(p) {
    var out = [];
    if (p && p.status) {
      var label = statuses[p.status] ? statuses[p.status][0] + " " + statuses[p.status][1] : p.status;
      out.push(el("span", { className: "kg-status kg-status-" + p.status.replace(/[^a-z]/g, ""), text: label }));
    }
    if (p && p.rank) out.push(el("span", { className: "kg-rank", text: p.rank }));
    return out;
  }

  function showEdgePanel(k) {
    var e = edges[k];
    var body = document.getElementById("kg-panel-body");
    clear(body);
    body.appendChild(el("h2", { className: "kg-title", text: edgeLabel(e) }));
    var r = relations[e.relation];
    var facts = [["关系 relation", r ? r.label + " " + r.labelEn : e.relation], ["IRI", r ? r.iri : ""],
                 ["支持 support", String(e.support)]];
    if (e.rule) facts.push(["规则 rule", e.rule]);
    if (e.confidence) facts.push(["置信度 confidence", e.confidence.toFixed(2)]);
    e.posts.forEach(function (p) {
      var status = p.status ? " · " + (statuses[p.status] ? statuses[p.status][0] : p.status) : "";
      facts.push([p.title, postDates(p) + status + (p.rank ? " · " + p.rank : "")]);
    });
    body.appendChild(el("p", null, [nodeLink(e.from), " → ", nodeLink(e.to)]));
    body.appendChild(el("dl", null, facts.reduce(function (acc, f) {
      acc.push(el("dt", { text: f[0] })); acc.push(el("dd", { text: f[1] })); return acc;
    }, [])));
    if (e.sources.length) {
      body.appendChild(el("h3", { text: "来源句子 Source sentences (" + e.sources.length + ")" }));
      body.appendChild(el("div", { id: "kg-sources" },
        sources(e.sources, [nodes[e.from].label, nodes[e.to].label].concat(e.titles), 20)));
    }
    openPanel();
  }

  function openPanel() {
    var panel = document.getElementById("kg-panel");
    if (panel.hidden) { panel.hidden = false; resized(); }
    panel.scrollTop = 0;
  }

  function resized() {                // the panel took or gave back room: fit the canvas to its box
    network.body.emitter.emit("setSize");
    requestRedraw();
  }

  function closePanel() {
    document.getElementById("kg-panel").hidden = true;
    resized();
  }

  // ------------------------------------------------------------ wiring

  network.on("click", function (params) {
    if (params.nodes.length) {
      setFocus(params.nodes[0]);
      showNodePanel(params.nodes[0]);
    } else if (params.edges.length) {
      showEdgePanel(params.edges[0]);
    } else if (state.highlight) {
      clearHighlight();
    }
  });

  var input = document.getElementById("kg-search");
  input.addEventListener("input", function () { showResults(search(input.value), input.value); });
  document.getElementById("kg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var found = search(input.value);
    showResults(found, input.value);
    if (found.length) focusNode(found[0]);
  });
  document.getElementById("kg-clear").addEventListener("click", function () {
    input.value = "";
    showResults([], "");
    clearHighlight();
  });
  document.getElementById("kg-panel-close").addEventListener("click", closePanel);
  document.getElementById("kg-fit").addEventListener("click", function () { network.fit({ animation: false }); });
  var physics = document.getElementById("kg-physics");
  physics.checked = !large;
  physics.addEventListener("change", function () { network.setOptions({ physics: { enabled: physics.checked } }); });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { clearHighlight(); closePanel(); }
  });

  buildLegend();
  buildDates();
  updateStatus();
  performance.mark("kg-ready");

  window.kgExplorer = {
    network: network, nodes: visNodes, edges: visEdges, data: data, state: state,
    search: search, focusNode: focusNode, clearHighlight: clearHighlight,
    nodeIndex: function (label) { return nodes.findIndex(function (n) { return n.label === label; }); }
  };
})();
