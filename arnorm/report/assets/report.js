"use strict";
// Copy buttons: copy the word list of their block. Nothing else runs; the page is static.
document.querySelectorAll("[data-copy]").forEach(function (button) {
  button.addEventListener("click", function () {
    var area = button.closest(".copy").querySelector("textarea");
    area.select();
    var done = function () { button.textContent = "copied"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(area.value).then(done, function () { document.execCommand("copy"); done(); });
    } else {
      document.execCommand("copy");
      done();
    }
  });
});
