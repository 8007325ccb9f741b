// Progressive enhancement only: every task works without this file.
// Move focus to the error summary, as the GOV.UK pattern does, so a screen reader hears it.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
