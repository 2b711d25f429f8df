/* udsat: a little progressive enhancement. Every page works without it. */
(function () {
  "use strict";

  function cellValue(row, index, numeric) {
    var cell = row.children[index];
    var raw = cell ? cell.getAttribute("data-sort-value") : "";
    if (!numeric) { return (raw || (cell ? cell.textContent : "")).trim().toLowerCase(); }
    return raw === null || raw === "" ? null : parseFloat(raw);
  }

  function sortTable(table, header, index, numeric) {
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
      // Absent figures (not published, suppressed) always sort last, whichever direction.
      if (x === null && y === null) { return 0; }
      if (x === null) { return 1; }
      if (y === null) { return -1; }
      var order = numeric ? x - y : x.localeCompare(y, document.documentElement.lang);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.querySelectorAll("th[aria-sort]"), function (th) {
      th.setAttribute("aria-sort", "none");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), function (table) {
    Array.prototype.forEach.call(table.querySelectorAll("th button[data-sort-key]"), function (button) {
      button.addEventListener("click", function () {
        sortTable(table, button.parentNode, parseInt(button.getAttribute("data-sort-key"), 10),
                  button.getAttribute("data-sort-type") === "number");
      });
    });
  });

  // A link to a heading inside a closed <details> (the criteria panel) opens it first.
  function openTarget() {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    var details = target ? target.closest("details") : null;
    if (details && !details.open) { details.open = true; target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  // A table wider than its region says so above it (the edge shadows show it too).
  var hint = document.documentElement.lang === "en" ? "The table scrolls sideways \u2192"
                                                    : "Tabellen kan rulles til siden \u2192";
  function markScrolling() {
    Array.prototype.forEach.call(document.querySelectorAll(".table-scroll"), function (box) {
      var wide = box.scrollWidth > box.clientWidth + 1;
      var note = box.previousElementSibling;
      var has = note && note.classList.contains("scroll-hint");
      if (wide && !has) {
        note = document.createElement("p");
        note.className = "scroll-hint";
        note.textContent = hint;
        box.parentNode.insertBefore(note, box);
      } else if (!wide && has) {
        note.parentNode.removeChild(note);
      }
    });
  }
  markScrolling();
  window.addEventListener("resize", markScrolling);

  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
