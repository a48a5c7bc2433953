// The web chat page: keep the session, show the conversation so far again, send what the customer types
// or taps, show each reply with its buttons in view, and poll for replies that come later.
(function () {
  "use strict";
  var log = document.getElementById("log");
  var input = document.getElementById("text");
  var api = "/api/chat/" + encodeURIComponent(log.dataset.store);
  var session = sessionId("vyaparai-session-" + log.dataset.store);
  var sent = 0;

  function sessionId(key) {
    var id = null;
    try { id = localStorage.getItem(key); } catch (e) { /* storage off: this page only */ }
    if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
      id = Array.from(crypto.getRandomValues(new Uint8Array(16)), function (b) {
        return b.toString(16).padStart(2, "0");
      }).join("");
      try { localStorage.setItem(key, id); } catch (e) { /* as above */ }
    }
    return id;
  }

  // Called once a whole reply (text and buttons) is in the page, so its buttons end up in view.
  function scrollToEnd() { log.scrollTop = log.scrollHeight; }

  function bubble(text, who) {
    var div = document.createElement("div");
    div.className = "msg " + who;
    div.textContent = text;
    log.appendChild(div);
    return div;
  }

  function show(reply) {
    var div = bubble(reply.text, "bot");
    var buttons = reply.buttons || [];
    if (!buttons.length && !reply.link) return;
    var row = document.createElement("div");
    row.className = "choices";
    buttons.forEach(function (b) {
      var btn = document.createElement("button");
      btn.type = "button";
      btn.textContent = b.title;
      btn.dataset.text = b.title;
      btn.dataset.button = b.id;
      row.appendChild(btn);
    });
    if (reply.link) {
      var a = document.createElement("a");
      a.href = reply.link.url; a.textContent = reply.link.title; a.target = "_blank"; a.rel = "noopener";
      row.appendChild(a);
    }
    div.appendChild(row);
  }

  function showReplies(data) {
    var replies = (data && data.replies) || [];
    replies.forEach(show);
    if (replies.length) scrollToEnd();
  }

  function getJSON(url, options) {
    return fetch(url, options).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }

  // Past messages first: nothing is sent or polled before they are shown, so none shows twice.
  var ready = getJSON(api + "/history?session=" + session).then(function (data) {
    (data.messages || []).forEach(function (m) {
      if (m.from === "me") bubble(m.text, "me"); else show(m);
    });
    scrollToEnd();
  }).catch(function () { /* a fresh start is still a working chat */ });

  function send(text, button) {
    return ready.then(function () {
      bubble(text, "me");
      scrollToEnd();
      sent += 1;
      var body = {session: session, text: text, id: session + "-" + Date.now() + "-" + sent};
      if (button) body.button = button;
      return getJSON(api, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)})
        .then(showReplies)
        .catch(function () { bubble(log.dataset.networkProblem, "bot"); scrollToEnd(); });
    });
  }

  function poll() {
    getJSON(api + "/updates?session=" + session)
      .then(showReplies)
      .catch(function () {})
      .then(function () { setTimeout(poll, 3000); });
  }

  // Reply buttons and the greeting's examples alike: a tap sends the words on it.
  log.addEventListener("click", function (e) {
    var btn = e.target.closest("button[data-text]");
    if (btn) send(btn.dataset.text, btn.dataset.button);
  });
  document.getElementById("send").addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });
  // The phone's keyboard opening shrinks the page: keep the latest reply in view above it.
  if (window.visualViewport) window.visualViewport.addEventListener("resize", scrollToEnd);
  ready.then(poll);
})();
