// Jeugdketen: small enhancements; every page works without this file.
// After a failed submit, move focus to the error summary so a screen reader
// reads it and a keyboard user can follow its links to the fields.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("foutmeldingen");
  if (summary) summary.focus();
});
