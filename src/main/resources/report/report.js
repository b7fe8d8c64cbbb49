(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("data").textContent);
  var U = D.users, R = D.roles, P = D.perms, B = D.b, A = D.a || {};
  var EXT = {}; D.ext.forEach(function (u) { EXT[u] = true; });
  var MARKS = D.marks || {}, EXP = D.exp || {};
  var LOW = new Array(U.length);
  for (var i = 0; i < U.length; i++) LOW[i] = U[i].toLowerCase();
  var RLOW = R.map(function (r) { return r[0].toLowerCase(); });
  var PAGE = 500;
  var el = function (id) { return document.getElementById(id); };
  var fUser = el("f-user"), fRole = el("f-role"), fPerm = el("f-perm"), fChanged = el("f-changed"), fFlagged = el("f-flagged");
  var body = el("rows"), count = el("count"), more = el("more");
  var shown = PAGE, last = null;

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function after(u) { var x = A[u]; return x === undefined ? B[u] : x; }

  /* Filtering stops at the rows shown (500, then 500 more per click): a filter that matches a
     handful of users scans every user, one that matches everything stops early. */

  /* The rows of one user: one per permission (and one per role without permissions), with the
     roles granting it before and after, and a status: unchanged, added, removed or changed. */
  function rowsOf(u) {
    var byPerm = {}, order = [];
    function take(list, side) {
      for (var k = 0; k < list.length; k++) {
        var r = R[list[k]], perms = side === 0 ? r[1] : r[2];
        if (!perms || perms.length === 0) {
          var key = "r" + list[k];
          if (!byPerm[key]) { byPerm[key] = { p: -1, b: [], a: [] }; order.push(key); }
          byPerm[key][side === 0 ? "b" : "a"].push(list[k]);
          continue;
        }
        for (var j = 0; j < perms.length; j++) {
          var pk = "p" + perms[j];
          if (!byPerm[pk]) { byPerm[pk] = { p: perms[j], b: [], a: [] }; order.push(pk); }
          byPerm[pk][side === 0 ? "b" : "a"].push(list[k]);
        }
      }
    }
    take(B[u], 0);
    take(after(u), 1);
    var out = [];
    for (var n = 0; n < order.length; n++) {
      var x = byPerm[order[n]];
      x.s = x.b.length && x.a.length ? (x.b.join() === x.a.join() ? "unchanged" : "changed") : x.a.length ? "added" : "removed";
      x.u = u;
      out.push(x);
    }
    out.sort(function (a, b) { return (a.p < 0 ? "~" : P[a.p]) < (b.p < 0 ? "~" : P[b.p]) ? -1 : 1; });
    return out;
  }

  function roleMatches(x, q) {
    var all = x.b.concat(x.a);
    for (var k = 0; k < all.length; k++) if (RLOW[all[k]].indexOf(q) >= 0) return true;
    return false;
  }
  function flagged(x) {
    if (MARKS[LOW[x.u]]) return true;
    var all = x.b.concat(x.a);
    for (var k = 0; k < all.length; k++) if (MARKS["role `" + RLOW[all[k]] + "`"]) return true;
    return false;
  }

  function filter() {
    var t = performance.now();
    var qu = fUser.value.trim().toLowerCase(), qr = fRole.value.trim().toLowerCase(), qp = fPerm.value.trim().toLowerCase();
    var changed = fChanged && fChanged.checked, flaggedOnly = fFlagged.checked;
    var hits = [], total = 0, cut = false;
    scan: for (var u = 0; u < U.length; u++) {
      if (qu && LOW[u].indexOf(qu) < 0) continue;
      var rows = rowsOf(u);
      for (var k = 0; k < rows.length; k++) {
        var x = rows[k];
        if (qp && (x.p < 0 || P[x.p].indexOf(qp) < 0)) continue;
        if (qr && !roleMatches(x, qr)) continue;
        if (changed && x.s === "unchanged") continue;
        if (flaggedOnly && !flagged(x)) continue;
        if (hits.length === shown) { cut = true; break scan; }
        total++;
        hits.push(x);
      }
    }
    last = { hits: hits, total: total, cut: cut };
    render();
    var ms = performance.now() - t;
    document.body.setAttribute("data-filter-ms", ms.toFixed(1));
    var h = [];
    if (qu) h.push("user=" + encodeURIComponent(qu));
    if (qr) h.push("role=" + encodeURIComponent(qr));
    if (qp) h.push("perm=" + encodeURIComponent(qp));
    if (changed) h.push("changed=1");
    if (flaggedOnly) h.push("flagged=1");
    if (history.replaceState) history.replaceState(null, "", h.length ? "#" + h.join("&") : location.pathname + location.search);
  }

  function names(list, cls) {
    return list.map(function (r) { return '<span class="' + cls + '">' + esc(R[r][0]) + "</span>"; }).join(", ");
  }

  function render() {
    var out = [];
    var hits = last.hits;
    for (var k = 0; k < hits.length; k++) {
      var x = hits[k], email = U[x.u];
      var notes = [];
      if (EXT[x.u]) notes.push('<span class="badge ext">external</span>');
      (MARKS[LOW[x.u]] || []).forEach(function (m) { notes.push('<span class="badge bad">policy ' + esc(m) + "</span>"); });
      var roles = x.b.concat(x.a);
      for (var j = 0; j < roles.length; j++) {
        var e = EXP[LOW[x.u] + "\n" + RLOW[roles[j]]];
        if (e) { notes.push('<span class="badge exp">until ' + esc(e) + " in " + esc(R[roles[j]][0]) + "</span>"); break; }
      }
      var via;
      if (!D.plan || x.s === "unchanged") via = names(x.a.length ? x.a : x.b, "");
      else via = (x.b.length ? names(x.b, "del") : "") + (x.b.length && x.a.length ? " &rarr; " : "") + (x.a.length ? names(x.a, "ins") : "");
      out.push('<tr class="' + x.s + '" data-user="' + esc(email) + '" data-permission="' + (x.p < 0 ? "" : esc(P[x.p])) +
        '"><td>' + esc(email) + "</td><td>" + (x.p < 0 ? '<span class="muted">(no permission)</span>' : esc(P[x.p])) +
        "</td><td>" + via + "</td>" + (D.plan ? "<td>" + x.s + "</td>" : "") + "<td>" + notes.join("") + "</td></tr>");
    }
    body.innerHTML = out.join("");
    count.textContent = last.cut ? "More than " + hits.length + " rows match; showing the first " + hits.length
      : last.total + (last.total === 1 ? " row matches" : " rows match");
    more.style.display = last.cut ? "inline-block" : "none";
  }

  function fromHash() {
    var q = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) q[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1));
    });
    fUser.value = q.user || ""; fRole.value = q.role || ""; fPerm.value = q.perm || "";
    if (fChanged) fChanged.checked = q.changed === "1";
    fFlagged.checked = q.flagged === "1";
  }

  var timer = null;
  function later() { clearTimeout(timer); shown = PAGE; timer = setTimeout(filter, 120); }
  [fUser, fRole, fPerm].forEach(function (f) { f.addEventListener("input", later); });
  [fChanged, fFlagged].forEach(function (f) { if (f) f.addEventListener("change", function () { shown = PAGE; filter(); }); });
  more.addEventListener("click", function () { shown += PAGE; filter(); });
  window.addEventListener("hashchange", function () { fromHash(); shown = PAGE; filter(); });
  fromHash();
  filter();
  document.body.setAttribute("data-open-ms", performance.now().toFixed(1));
  document.body.setAttribute("data-ready", "true");
})();
