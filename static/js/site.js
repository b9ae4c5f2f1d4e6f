// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Copy buttons: <button data-copy-target="id"> copies the value or text of the element.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-target]");
    if (!button) return;
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target) return;
    var text = target.value || target.textContent;
    var done = function () {
      var status = document.getElementById(button.getAttribute("aria-describedby") || "");
      if (status) status.textContent = button.getAttribute("data-copied-text") || "";
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { target.select && target.select(); });
    } else if (target.select) {
      target.select();
      document.execCommand("copy");
      done();
    }
  });
})();
