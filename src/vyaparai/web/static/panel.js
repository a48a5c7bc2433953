// The live order list: rows arrive over a WebSocket, new orders ring and count until the owner looks.
(function () {
  "use strict";
  var list = document.getElementById("orders");
  if (!list) return;
  var state = document.getElementById("feed-state");
  var empty = document.getElementById("no-orders");
  var badge = document.getElementById("new-orders");
  var baseTitle = document.title;
  var unseen = 0, retry = 1000, audio = null;

  function say(key) { state.textContent = state.dataset[key]; state.dataset.state = key; }

  function setUnseen(n) {
    unseen = n;
    badge.hidden = n === 0;
    badge.textContent = n ? String(n) : "";
    document.title = n ? "(" + n + ") " + baseTitle : baseTitle;
  }

  // Browsers start sound only after a tap on the page (autoplay rules): until then a button asks for one,
  // and the badge and the tab title still count new orders.
  var AudioCtx = window.AudioContext || window.webkitAudioContext;
  var soundButton = document.getElementById("sound-on");
  if (AudioCtx) {
    audio = new AudioCtx();
    soundButton.hidden = audio.state !== "suspended";
  }

  function ring() {
    if (!audio || audio.state !== "running") { if (audio) soundButton.hidden = false; return; }
    [0, 0.25].forEach(function (at, i) {
      var osc = audio.createOscillator(), gain = audio.createGain();
      osc.frequency.value = i ? 1175 : 880;
      gain.gain.setValueAtTime(0.25, audio.currentTime + at);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + at + 0.22);
      osc.connect(gain); gain.connect(audio.destination);
      osc.start(audio.currentTime + at); osc.stop(audio.currentTime + at + 0.23);
    });
  }

  function unlockSound() {
    setUnseen(0);
    if (audio && audio.state === "suspended") {
      audio.resume().then(function () { soundButton.hidden = true; });
    }
  }
  ["click", "keydown", "touchstart"].forEach(function (e) { document.addEventListener(e, unlockSound); });
  soundButton.addEventListener("click", function () { audio.resume().then(ring); });

  function show(msg) {
    var old = document.getElementById("order-" + msg.number);
    if (!msg.open) { if (old) old.remove(); }
    else {
      var tpl = document.createElement("template");
      tpl.innerHTML = msg.html.trim();
      var row = tpl.content.firstElementChild;
      if (old) old.replaceWith(row);
      else {
        var after = Array.prototype.find.call(list.children, function (li) {
          return Number(li.dataset.number) < msg.number;
        });
        list.insertBefore(row, after || null);
      }
      if (msg.placed && !old) { row.classList.add("fresh"); setUnseen(unseen + 1); ring(); }
    }
    empty.hidden = list.children.length > 0;
  }

  function reloadList() {
    // Also tells us when the login has run out: the panel then answers with a redirect.
    return fetch("/panel/orders/open", { credentials: "same-origin", redirect: "manual" }).then(function (r) {
      if (r.type === "opaqueredirect" || r.status === 401 || r.status === 303) {
        window.location.assign("/panel/login");
        throw new Error("logged out");
      }
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.text();
    }).then(function (html) {
      list.innerHTML = html;
      empty.hidden = list.children.length > 0;
    });
  }

  function connect() {
    var ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/panel/live");
    ws.onmessage = function (event) {
      var msg = JSON.parse(event.data);
      if (msg.type === "hello") { retry = 1000; say("live"); }
      else if (msg.type === "order") show(msg);
      else if (msg.type === "resync") reloadList().catch(function () {});
    };
    ws.onclose = function () {
      say("offline");
      setTimeout(function () {
        reloadList().then(connect, function () { retry = Math.min(retry * 2, 30000); ws.onclose(); });
      }, retry);
    };
  }

  connect();
})();
