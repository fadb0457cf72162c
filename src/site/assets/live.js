// Live updates for Vigil status pages: subscribes to /api/live (server-sent events) and updates
// the status of every element marked data-tag. Without JavaScript the page is complete, not live.
(function () {
  "use strict";
  var root = document.documentElement;

  // Theme toggle: light → dark → system, remembered in localStorage.
  var order = ["light", "dark", "system"];
  var toggle = document.getElementById("theme-toggle");
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var next = order[(order.indexOf(root.dataset.theme) + 1) % order.length];
      root.dataset.theme = next;
      try { localStorage.setItem("vigil-theme", next); } catch (e) {}
    });
  }

  // Time-zone toggle: reload the page with the visitor's own zone, or back to the page's.
  var tz = document.getElementById("tz-toggle");
  if (tz) {
    tz.hidden = false;
    tz.addEventListener("click", function () {
      var url = new URL(location.href);
      if (url.searchParams.has("tz")) url.searchParams.delete("tz");
      else url.searchParams.set("tz", Intl.DateTimeFormat().resolvedOptions().timeZone);
      location.href = url.toString();
    });
  }

  var nodes = document.querySelectorAll("[data-tag]");
  if (!nodes.length || !window.EventSource) return;
  var tags = [];
  nodes.forEach(function (n) { if (tags.indexOf(n.dataset.tag) < 0) tags.push(n.dataset.tag); });
  var labels = JSON.parse(root.dataset.statusLabels || "{}");
  var source = new EventSource("/api/live?tags=" + encodeURIComponent(tags.join(",")));
  source.addEventListener("status", function (event) {
    var update = JSON.parse(event.data);
    var cls = "s-" + update.status.toLowerCase();
    document.querySelectorAll('[data-tag="' + update.tag + '"] [data-live]').forEach(function (el) {
      el.className = el.className.replace(/\bs-[a-z_]+/g, "").trim() + " " + cls;
      if (el.dataset.live === "text") el.textContent = labels[update.status] || update.status;
    });
  });
  var live = document.getElementById("live-indicator");
  source.onopen = function () { if (live) live.hidden = false; };
  source.onerror = function () { if (live) live.hidden = true; };
})();
