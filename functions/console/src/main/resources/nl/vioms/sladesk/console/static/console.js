// SLA Desk console: progressive enhancement only, every page works without it.
// 1. Countdowns: an element with data-due="<ISO instant>" shows the time left, updated each second.
// 2. Self-refresh: an element with data-refresh="<seconds>" and data-src="<url>" is replaced by
//    the same element fetched again (the server answers a fragment to an hx-request header).
(function () {
  "use strict";
  function left(ms) {
    var sign = ms < 0 ? "-" : "";
    var s = Math.floor(Math.abs(ms) / 1000);
    var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
    // hours: "u" (uur) on a Dutch page, "h" on an English one (the portal, issue 18)
    var hour = document.documentElement.lang === "en" ? "h" : "u";
    var text = d > 0 ? d + "d " + h + hour : h > 0 ? h + hour + " " + m + "m" : m + "m " + (s % 60) + "s";
    return sign + text;
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-due]").forEach(function (el) {
      var due = Date.parse(el.getAttribute("data-due"));
      if (!isNaN(due)) {
        el.querySelector(".left") ? el.querySelector(".left").textContent = left(due - now) : null;
      }
    });
  }
  function refresh(el) {
    var src = el.getAttribute("data-src");
    var seconds = parseInt(el.getAttribute("data-refresh"), 10) || 30;
    setTimeout(function () {
      fetch(src, { headers: { "hx-request": "true" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          var box = document.createElement("div");
          box.innerHTML = html;
          var fresh = box.firstElementChild;
          if (fresh && fresh.id === el.id && !el.contains(document.activeElement)) {
            el.replaceWith(fresh);
            refresh(fresh);
            tick();
          } else {
            refresh(el);
          }
        })
        .catch(function () { refresh(el); });
    }, seconds * 1000);
  }
  document.addEventListener("DOMContentLoaded", function () {
    tick();
    setInterval(tick, 1000);
    document.querySelectorAll("[data-refresh][data-src][id]").forEach(refresh);
  });
})();
// 3. Copy buttons (admin, a new token's secret): <button data-copy="<id of the field>">.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button) { return; }
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    field.select();
    if (navigator.clipboard) {
      navigator.clipboard.writeText(field.value).then(function () { button.textContent = "Gekopieerd"; });
    }
  });
})();
// 4. Portal (issue 18): the new ticket's services narrowed to the chosen customer's (without script
// every own customer's services are offered, grouped, and the pair is checked on the server), and
// the upload form's Content-Type set to the chosen file's (the portal checks the type again).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-narrow-by]").forEach(function (select) {
      var by = document.getElementById(select.getAttribute("data-narrow-by"));
      if (!by) { return; }
      function narrow() {
        select.querySelectorAll("optgroup").forEach(function (group) {
          var own = !by.value || group.getAttribute("data-customer") === by.value;
          group.hidden = !own;
          group.disabled = !own;
        });
        var chosen = select.options[select.selectedIndex];
        if (chosen && chosen.parentNode.disabled) { select.value = ""; }
      }
      by.addEventListener("change", narrow);
      narrow();
    });
    document.querySelectorAll("form.upload input[type=file]").forEach(function (input) {
      input.addEventListener("change", function () {
        var type = input.form.querySelector("input[name='Content-Type']");
        if (type && input.files.length) { type.value = input.files[0].type || "application/octet-stream"; }
      });
    });
  });
})();
