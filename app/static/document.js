// Document view: bring the cited span (<mark id="cite">) to the middle of the screen and give it focus.
(function () {
  "use strict";
  var mark = document.getElementById("cite");
  if (!mark) return;
  function show() {
    // On a narrow screen a long outline would push the text down: fold it, the text comes first.
    var outline = document.querySelector(".outline details");
    if (outline && window.matchMedia("(max-width: 48rem)").matches) outline.open = false;
    mark.scrollIntoView({ block: "center" });
    mark.focus({ preventScroll: true });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
})();
