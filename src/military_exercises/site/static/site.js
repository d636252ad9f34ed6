/* military-exercises static site: search-as-you-type, filters and the map. No dependencies, no
   network: the data comes from assets/data.js (window.MX_DATA), loaded before this file. */
(function () {
  "use strict";
  var D = window.MX_DATA;
  var form = document.getElementById("filters");
  if (!D || !form) return;
  var root = document.body.getAttribute("data-root") || "";
  var C = D.countries;
  var PAGE = 100;

  function fold(s) {
    return String(s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
    });
  }
  function num(v) {
    return v == null ? "" : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }
  function cname(code) {
    return (C[code] && C[code].n) || code;
  }

  D.exercises.forEach(function (e) {
    var names = (e.c || []).map(function (c) { return cname(c) + " " + c; });
    e._h = fold([e.n, e.s, e.p, e.sea, e.o, e.i].concat(names).join(" "));
  });

  // --- filters, kept in the address (#q=zapad&country=RUS) so that a search can be linked ---------
  var FIELDS = ["q", "from", "to", "country", "region", "sea", "org", "size"];
  function read() {
    var f = {};
    FIELDS.forEach(function (k) { f[k] = (form.elements[k].value || "").trim(); });
    return f;
  }
  function writeHash(f) {
    var parts = [];
    FIELDS.forEach(function (k) { if (f[k]) parts.push(k + "=" + encodeURIComponent(f[k])); });
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (hash !== location.hash) history.replaceState(null, "", hash || location.pathname);
  }
  function readHash() {
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i < 0) return;
      var k = kv.slice(0, i), v = decodeURIComponent(kv.slice(i + 1));
      if (FIELDS.indexOf(k) >= 0) form.elements[k].value = v;
    });
  }
  var bands = {};
  D.bands.forEach(function (b) { bands[b[0]] = b; });
  function matches(e, f, words) {
    if (f.from && e.y < +f.from) return false;
    if (f.to && e.y > +f.to) return false;
    if (f.country && (e.c || []).indexOf(f.country) < 0) return false;
    if (f.region && e.r !== f.region) return false;
    if (f.sea && (e.sea || []).indexOf(f.sea) < 0) return false;
    if (f.org && e.o !== f.org) return false;
    if (f.size === "known" && e.t == null) return false;
    if (f.size === "unknown" && e.t != null) return false;
    if (bands[f.size]) {
      var b = bands[f.size];
      if (e.t == null || e.t < b[2] || (b[3] != null && e.t > b[3])) return false;
    }
    for (var i = 0; i < words.length; i++) if (e._h.indexOf(words[i]) < 0) return false;
    return true;
  }
  function selected() {
    var f = read();
    var words = fold(f.q).split(/\s+/).filter(Boolean);
    writeHash(f);
    return D.exercises.filter(function (e) { return matches(e, f, words); });
  }
  function plural(k, one, many) { return num(k) + " " + (k === 1 ? one : many); }

  // --- the search page ------------------------------------------------------------------------------
  var tbody = document.getElementById("results");
  var more = document.getElementById("more");
  var count = document.getElementById("count");
  var shown = PAGE, current = [];

  function row(e) {
    var states = (e.c || []).map(cname);
    var list = states.slice(0, 4).join(", ") + (states.length > 4 ? " and " + (states.length - 4) + " more" : "");
    var troops = e.t == null ? '<span class="muted">–</span>' : num(e.t) + (e.th || "");
    return '<tr><td class="date">' + esc(e.d) + '</td><td class="name"><a href="' + root + "exercise/" +
      encodeURIComponent(e.i) + '.html">' + esc(e.n) + "</a>" + (e.s ? '<span class="series">' + esc(e.s) + "</span>" : "") +
      '</td><td class="hide-small">' + esc(e.p || "") + "</td><td>" + esc(list) + '</td><td class="num">' + troops + "</td></tr>";
  }
  function renderList() {
    tbody.innerHTML = current.slice(0, shown).map(row).join("");
    more.hidden = current.length <= shown;
    more.textContent = "Show " + Math.min(PAGE, current.length - shown) + " more of " + num(current.length - shown);
    var sized = current.filter(function (e) { return e.t != null; }).length;
    count.innerHTML = plural(current.length, "exercise", "exercises") +
      ' <span class="muted">(' + num(sized) + " with a troop figure; newest first)</span>";
  }

  // --- the map ----------------------------------------------------------------------------------------
  var SVG = "http://www.w3.org/2000/svg";
  var marks = document.getElementById("marks");
  var detail = document.getElementById("map-detail");
  var mapGroups = [];

  function circle(cls, x, y, r, i, label) {
    var c = document.createElementNS(SVG, "circle");
    c.setAttribute("class", cls);
    c.setAttribute("cx", x);
    c.setAttribute("cy", y);
    c.setAttribute("r", r);
    c.setAttribute("data-group", i);
    var t = document.createElementNS(SVG, "title");
    t.textContent = label;
    c.appendChild(t);
    return c;
  }
  var map = document.getElementById("map");
  var FRAME = map ? map.getAttribute("viewBox").split(" ").map(Number) : null;

  // Zoom to what a filter leaves (the whole world when nothing is filtered); markers keep their size.
  function zoom(xys, all) {
    var v = FRAME.slice();
    if (!all && xys.length) {
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      xys.forEach(function (p) { x0 = Math.min(x0, p[0]); x1 = Math.max(x1, p[0]); y0 = Math.min(y0, p[1]); y1 = Math.max(y1, p[1]); });
      var ratio = FRAME[2] / FRAME[3];
      var w = Math.max((x1 - x0) * 1.5, (y1 - y0) * 1.5 * ratio, 220);
      if (w < FRAME[2]) {
        var h = w / ratio;
        var x = Math.min(Math.max((x0 + x1) / 2 - w / 2, FRAME[0]), FRAME[0] + FRAME[2] - w);
        var y = Math.min(Math.max((y0 + y1) / 2 - h / 2, FRAME[1]), FRAME[1] + FRAME[3] - h);
        v = [x, y, w, h];
      }
    }
    map.setAttribute("viewBox", v.map(function (k) { return k.toFixed(1); }).join(" "));
    return v[2] / FRAME[2];
  }
  function renderMap() {
    while (marks.firstChild) marks.removeChild(marks.firstChild);
    var byCountry = {}, points = [], off = 0, xys = [];
    current.forEach(function (e) {
      if (e.xy) { points.push(e); xys.push(e.xy); }
      else if (e.l && C[e.l] && C[e.l].a) (byCountry[e.l] = byCountry[e.l] || []).push(e);
      else off++;
    });
    Object.keys(byCountry).forEach(function (code) { xys.push(C[code].a); });
    var k = zoom(xys, current.length === D.exercises.length);
    mapGroups = [];
    Object.keys(byCountry).sort(function (a, b) { return byCountry[b].length - byCountry[a].length; })
      .forEach(function (code) {
        var list = byCountry[code], a = C[code].a;
        mapGroups.push({ title: cname(code) + ": " + plural(list.length, "exercise", "exercises") + " located by country only", list: list, code: code });
        marks.appendChild(circle("agg", a[0], a[1], (k * 2.8 * Math.sqrt(list.length)).toFixed(2),
          mapGroups.length - 1, cname(code) + ": " + plural(list.length, "exercise", "exercises")));
      });
    points.forEach(function (e) {
      mapGroups.push({ title: e.n + ", " + e.d, list: [e] });
      marks.appendChild(circle("pt", e.xy[0], e.xy[1], (k * 3.8).toFixed(2), mapGroups.length - 1, e.n + ", " + e.d));
    });
    count.innerHTML = plural(current.length, "exercise", "exercises") + ' <span class="muted">— ' +
      plural(points.length, "drawn at its coordinates", "drawn at their coordinates") + ", " +
      num(current.length - points.length - off) + " placed at their country, " + num(off) +
      " not on the map (at sea or across several countries without coordinates, or in a state too small for the basemap)</span>";
  }
  function showGroup(i) {
    var g = mapGroups[i];
    if (!g) return;
    var items = g.list.slice(0, 12).map(function (e) {
      return '<li><a href="' + root + "exercise/" + encodeURIComponent(e.i) + '.html">' + esc(e.n) + "</a> <span class=\"muted\">" +
        esc(e.d) + (e.t != null ? ", " + num(e.t) + (e.th || "") + " troops" : "") + "</span></li>";
    }).join("");
    var rest = g.list.length > 12 ? "<li>… and " + (g.list.length - 12) + ' more' +
      (g.code ? ' on <a href="' + root + "country/" + g.code + '.html">the country page</a>' : "") + "</li>" : "";
    detail.innerHTML = "<strong>" + esc(g.title) + "</strong><ul>" + items + rest + "</ul>";
    Array.prototype.forEach.call(marks.querySelectorAll(".sel"), function (c) { c.classList.remove("sel"); });
    var el = marks.querySelector('[data-group="' + i + '"]');
    if (el) el.classList.add("sel");
  }
  if (marks) {
    marks.addEventListener("click", function (ev) {
      var g = ev.target.getAttribute && ev.target.getAttribute("data-group");
      if (g != null) showGroup(+g);
    });
  }

  function update() {
    current = selected();
    shown = PAGE;
    if (tbody) renderList();
    if (marks) renderMap();
  }
  if (more) more.addEventListener("click", function () { shown += PAGE; renderList(); });
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("reset", function () { setTimeout(update, 0); });
  readHash();
  update();
})();
