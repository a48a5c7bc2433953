// The web chat page: send what the customer types, show replies, poll for later updates.
(function () {
  "use strict";
  var log = document.getElementById("log");
  var store = log.dataset.store;
  var key = "vyaparai-session-" + store;
  var session = localStorage.getItem(key);
  if (!session) {
    session = Array.from(crypto.getRandomValues(new Uint8Array(16)), function (b) {
      return b.toString(16).padStart(2, "0");
    }).join("");
    localStorage.setItem(key, session);
  }

  function bubble(text, who) {
    var div = document.createElement("div");
    div.className = "msg " + who;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function show(reply) {
    var div = bubble(reply.text, "bot");
    if ((reply.buttons && reply.buttons.length) || reply.link) {
      var row = document.createElement("div");
      row.className = "choices";
      (reply.buttons || []).forEach(function (b) {
        var btn = document.createElement("button");
        btn.type = "button";
        btn.textContent = b.title;
        btn.addEventListener("click", function () { send(b.title, b.id); });
        row.appendChild(btn);
      });
      if (reply.link) {
        var a = document.createElement("a");
        a.href = reply.link.url; a.textContent = reply.link.title; a.target = "_blank"; a.rel = "noopener";
        row.appendChild(a);
      }
      div.appendChild(row);
    }
  }

  function send(text, button) {
    bubble(text, "me");
    var body = {session: session, text: text, id: session + "-" + Date.now()};
    if (button) body.button = button;
    return fetch("/api/chat/" + encodeURIComponent(store), {
      method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)
    }).then(function (r) { return r.json(); })
      .then(function (data) { (data.replies || []).forEach(show); })
      .catch(function () { bubble("Network problem — please try again.", "bot"); });
  }

  function poll() {
    fetch("/api/chat/" + encodeURIComponent(store) + "/updates?session=" + session)
      .then(function (r) { return r.json(); })
      .then(function (data) { (data.replies || []).forEach(show); })
      .catch(function () {})
      .then(function () { setTimeout(poll, 3000); });
  }

  document.getElementById("send").addEventListener("submit", function (e) {
    e.preventDefault();
    var input = document.getElementById("text");
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });
  poll();
})();
