// Price-list upload: send the form by XMLHttpRequest to show a progress bar, then how far the import got.
// Without this script the form posts normally and the report page comes back all the same.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  var bar = document.getElementById("upload-progress");
  var state = document.getElementById("upload-state");
  var button = form.querySelector("button[type=submit]");
  var fileInput = form.elements.file;

  function say(text) { state.textContent = text; }

  function newUploadId() {
    return Array.from(crypto.getRandomValues(new Uint8Array(12)), function (b) {
      return b.toString(16).padStart(2, "0");
    }).join("");
  }

  function showPage(html) {
    // The server answers with a whole page (report or error); put its main part in place of ours.
    var page = new DOMParser().parseFromString(html, "text/html");
    var main = page.querySelector("main");
    if (main) {
      document.querySelector("main").replaceWith(main);
      window.scrollTo(0, 0);
    } else {
      say(page.body ? page.body.textContent : form.dataset.failed);
      button.disabled = false;
    }
  }

  function pollImport(id, stillWaiting) {
    var timer = setInterval(function () {
      if (!stillWaiting()) { clearInterval(timer); return; }
      var poll = new XMLHttpRequest();
      poll.open("GET", "/panel/inventory/upload/progress?id=" + encodeURIComponent(id));
      poll.responseType = "json";
      poll.onload = function () {
        var p = poll.response || {};
        if (p.total && stillWaiting()) {
          bar.max = p.total;
          bar.value = p.done;
          say(form.dataset.importing.replace("{done}", p.done).replace("{total}", p.total));
        }
      };
      poll.send();
    }, 1000);
  }

  form.addEventListener("submit", function (event) {
    var file = fileInput.files[0];
    if (!file) return;  // the browser's own "required" message
    event.preventDefault();
    if (file.size > Number(form.dataset.maxBytes)) { say(form.dataset.tooBig); return; }
    var id = newUploadId();
    form.elements.upload_id.value = id;
    var done = false;
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.onprogress = function (e) {
      if (!e.lengthComputable) return;
      bar.max = e.total;
      bar.value = e.loaded;
    };
    xhr.upload.onload = function () {
      bar.removeAttribute("value");  // an indeterminate bar until the import reports its lines
      say(form.dataset.importingStart);
      pollImport(id, function () { return !done; });
    };
    xhr.onload = function () { done = true; showPage(xhr.responseText); };
    xhr.onerror = xhr.onabort = function () {
      done = true;
      bar.hidden = true;
      button.disabled = false;
      say(form.dataset.failed);
    };
    button.disabled = true;
    bar.hidden = false;
    bar.value = 0;
    say(form.dataset.uploading);
    xhr.send(new FormData(form));
  });
}());
