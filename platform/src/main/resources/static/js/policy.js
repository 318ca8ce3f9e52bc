// OpenYibao policy explorer (/console/policy/check). No inline script (the Content-Security-Policy forbids it).
// A file larger than an overlay may be is refused in the browser, before it is sent: the server refuses it too, in
// words up to the container's own limit (1 MiB); beyond that the container drops the form, token and all.
(function () {
  "use strict";
  var input = document.getElementById("file");
  if (!input) return;
  input.addEventListener("change", function () {
    var max = Number(input.getAttribute("data-max-bytes"));
    var file = input.files && input.files[0];
    var tooLarge = !!file && file.size > max;
    input.setCustomValidity(tooLarge ? input.getAttribute("data-too-large") : "");
    input.setAttribute("aria-invalid", tooLarge ? "true" : "false");
    if (tooLarge) input.reportValidity();
  });
})();
