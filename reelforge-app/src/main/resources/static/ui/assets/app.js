// ReelForge dashboard: the little the server-rendered pages cannot do alone.
// - A run page follows its run's events (server-sent events, resumed with Last-Event-ID by the
//   browser after a dropped connection), lists them (a progress line that repeats the one before
//   counts up instead of adding a line), and tells htmx to re-read the stage panel.
// - Voice and caption previews call the preview API and show the result in place.
(function () {
  "use strict";

  var FINAL = ["run.succeeded", "run.failed", "run.cancelled"];

  function describe(event) {
    var time = (event.at || "").replace("T", " ").replace(/\.\d+Z$/, "Z");
    var parts = [time, event.type];
    if (event.stage) parts.push(event.stage);
    var data = event.data || {};
    if (typeof data.progress === "number") parts.push(Math.round(data.progress * 100) + " %");
    if (data.message) parts.push(data.message);
    if (data.error) parts.push(typeof data.error === "string" ? data.error : (data.error.code || "") + " " + (data.error.message || ""));
    if (data.attempt) parts.push("attempt " + data.attempt);
    return parts.join(" · ");
  }

  function follow(log) {
    var status = document.getElementById("connection");
    var source = new EventSource(log.dataset.stream);
    source.onopen = function () { if (status) status.textContent = "live"; };
    source.onerror = function () {
      if (status && source.readyState !== EventSource.CLOSED) status.textContent = "reconnecting…";
    };
    source.onmessage = function (message) {
      var event = JSON.parse(message.data);
      var line = describe(event);
      // The same progress again (same stage, percent and words) adds a count, not a line.
      var said = line.substring(line.indexOf(" · ") + 3);
      var last = log.lastElementChild;
      if (last && last.dataset.said === said && event.type.indexOf("progress") >= 0) {
        var times = Number(last.dataset.times || 1) + 1;
        last.dataset.times = times;
        last.textContent = line + " · ×" + times;
      } else {
        var item = document.createElement("li");
        item.textContent = line;
        item.dataset.type = event.type;
        item.dataset.said = said;
        log.appendChild(item);
      }
      log.scrollTop = log.scrollHeight;
      document.body.dispatchEvent(new CustomEvent("rf-event", { detail: event }));
      if (FINAL.indexOf(event.type) >= 0) {
        // The run ended: the server closes the stream; do not reconnect.
        source.close();
        if (status) status.textContent = "run ended";
      }
    };
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        return response.json().then(function (e) { throw new Error(e.detail || e.error); });
      }
      return response.blob();
    });
  }

  function beatText(button) {
    var form = button.closest("form");
    var area = form && form.querySelector("textarea");
    return area ? area.value : button.dataset.text;
  }

  function value(id, fallback) {
    var element = document.getElementById(id);
    return element && element.value ? element.value : fallback;
  }

  function firstFormat() {
    var checked = document.querySelector("input[name=formats]:checked");
    return checked ? checked.value : "tiktok";
  }

  // The voice picker's ▶: a sample of the chosen voice (the default: the first listed).
  document.addEventListener("click", function (e) {
    var play = e.target.closest("[data-voice-sample]");
    if (!play) return;
    var select = document.getElementById("voice");
    var id = select.value || (select.options[1] && select.options[1].value);
    var audio = document.getElementById("voice-sample");
    if (!id || !audio) return;
    audio.src = "/api/voices/" + encodeURIComponent(id) + "/preview";
    audio.hidden = false;
    audio.controls = true;
    audio.play().catch(function () {});
  });

  document.addEventListener("click", function (e) {
    var button = e.target.closest("[data-voice-preview],[data-caption-preview]");
    if (!button) return;
    var previews = button.closest("li").querySelector(".previews");
    var text = beatText(button);
    button.disabled = true;
    var done = function () { button.disabled = false; };
    if (button.hasAttribute("data-voice-preview")) {
      var voice = value("voice", null);
      post("/api/tts/preview", { text: text, voice: voice }).then(function (blob) {
        var audio = previews.querySelector("audio");
        audio.src = URL.createObjectURL(blob);
        audio.hidden = false;
        audio.play().catch(function () {});
      }).catch(function (error) { alert("Voice preview failed: " + error.message); }).then(done);
    } else {
      post("/api/caption/preview", { text: text, style: value("captionStyle", "bold-pop"), format: firstFormat() })
        .then(function (blob) {
          var img = previews.querySelector("img");
          img.src = URL.createObjectURL(blob);
          img.hidden = false;
        }).catch(function (error) { alert("Caption preview failed: " + error.message); }).then(done);
    }
  });

  // Publishing: the Publish form sends the browser's time zone, so that a schedule time typed
  // in a datetime-local box (a wall-clock time without zone) means that time where the person
  // sits; times the server wrote in UTC are repeated in the browser's own zone.
  var zone = (window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone) || "";
  function localTimes(root) {
    root.querySelectorAll("input[data-time-zone]").forEach(function (input) { input.value = zone; });
    root.querySelectorAll("[data-time-zone-name]").forEach(function (span) { span.textContent = zone ? " (" + zone + ")" : ""; });
    root.querySelectorAll("time[data-local]").forEach(function (time) {
      var at = new Date(time.getAttribute("datetime"));
      if (!isNaN(at)) time.textContent = "· your time: " + at.toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
    });
  }
  document.addEventListener("htmx:afterSettle", function (e) { localTimes(e.target); });

  document.addEventListener("DOMContentLoaded", function () {
    var log = document.getElementById("event-log");
    if (log) follow(log);
    localTimes(document);
  });
})();
