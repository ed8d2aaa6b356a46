// Document view: show the cited span (<mark id="cite">), also when the URL has no #cite,
// and fold a long outline on a narrow screen so the text comes first.
(function () {
  "use strict";
  var mark = document.getElementById("cite");
  if (!mark) return;
  var outline = document.querySelector(".outline details");
  if (outline && window.matchMedia("(max-width: 48rem)").matches) outline.open = false;
  mark.scrollIntoView({ block: "start" }); // honours the mark's scroll-margin, like the #cite anchor
})();
