// Jeugdketen: small enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // After a failed submit, move focus to the error summary so a screen reader
  // reads it and a keyboard user can follow its links to the fields.
  var summary = document.getElementById("foutmeldingen");
  if (summary) summary.focus();

  // On a phone a table is a stacked list and each cell shows its column's
  // name from data-label. The templates set it; this fills in any cell
  // that lacks one from its column header.
  document.querySelectorAll("table.utrecht-table--html-table").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    if (!heads.length) return;
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (cell.tagName === "TD" && !cell.hasAttribute("data-label") && heads[i]) {
          cell.setAttribute("data-label", heads[i].textContent.trim());
        }
      });
    });
  });

  // A browser without ::details-content cannot show the closed menu on a
  // wide screen; open it there.
  var menu = document.querySelector(".jk-menu");
  if (menu && window.CSS && !CSS.supports("selector(::details-content)") && window.matchMedia("(min-width: 40.0625em)").matches) {
    menu.open = true;
  }
});
