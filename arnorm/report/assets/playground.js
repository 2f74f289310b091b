"use strict";
// The playground: sends the text and the chosen config to the local server, shows its answer.
(function () {
  var text = document.getElementById("text");
  var preset = document.getElementById("preset");
  var switches = document.getElementById("switches");
  var status = document.getElementById("status");
  var timer = null;
  var asked = 0;

  Object.keys(SETTINGS.presets).forEach(function (name) {
    preset.add(new Option(name, name, name === "clean", name === "clean"));
  });
  SETTINGS.switches.forEach(function (item) {
    var label = document.createElement("label");
    var select = document.createElement("select");
    select.name = item.name;
    select.add(new Option("(preset)", ""));
    item.choices.forEach(function (choice) {
      select.add(new Option(String(choice), JSON.stringify(choice)));
    });
    label.append(item.name.replace(/_/g, "-") + " ", select);
    switches.append(label);
  });

  function options() {
    var chosen = {};
    switches.querySelectorAll("select").forEach(function (select) {
      if (select.value !== "") chosen[select.name] = JSON.parse(select.value);
    });
    return chosen;
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  // Each Arabic word of an English message in its own <bdi>, so that the numbers and
  // signs around it keep their places.
  var ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+/g;
  function isolated(node, message) {
    var position = 0;
    message.replace(ARABIC, function (word, at) {
      node.append(message.slice(position, at), element("bdi", "", word));
      position = at + word.length;
      return word;
    });
    node.append(message.slice(position));
  }

  function show(reply) {
    document.getElementById("before").innerHTML = reply.before;
    document.getElementById("after").innerHTML = reply.after;
    var p = reply.profile;
    document.getElementById("summary").textContent =
      p.findings + " findings in " + p.characters + " characters; dirt score " + p.dirt +
      " (0 clean, 100 very dirty).";
    var list = document.getElementById("list");
    list.replaceChildren();
    if (!reply.findings.length) list.append(element("p", "muted", "No findings: the text is clean."));
    Object.keys(reply.rules).forEach(function (code) {
      var rule = reply.rules[code];
      var mine = reply.findings.filter(function (f) { return f.code === code; });
      var block = element("details", "rule");
      block.id = "rule-" + code;
      var head = element("summary");
      head.append(element("b", "", code + " " + rule.name),
        " ", element("span", "count", "× " + mine.length),
        " ", element("span", "muted", rule.summary));
      var doc = element("div", "doc");
      doc.innerHTML = rule.doc;
      var items = element("ul", "spots");
      mine.slice(0, 20).forEach(function (f) {
        var at = f.start === f.end ? "at " + f.start : "at " + f.start + "–" + f.end;
        var item = element("li", "", at + ": ");
        isolated(item, f.message + (f.safe ? "" : " (unsafe fix)"));
        items.append(item);
      });
      block.append(head, items, doc);
      list.append(block);
    });
  }

  function ask() {
    var mine = ++asked;
    status.textContent = "cleaning…";
    fetch("/api/clean", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: text.value, preset: preset.value, options: options() }),
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (mine !== asked) return;
      if (!result.ok) { status.textContent = result.body.error; return; }
      status.textContent = "";
      show(result.body);
    }).catch(function () {
      if (mine === asked) status.textContent = "the server did not answer (is arnorm serve running?)";
    });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(ask, 250);
  }

  text.addEventListener("input", later);
  preset.addEventListener("change", ask);
  switches.addEventListener("change", ask);
  document.getElementById("copy").addEventListener("click", function () {
    var after = document.getElementById("after").textContent;
    var done = function () { status.textContent = "copied"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(after).then(done, function () { status.textContent = "copy failed"; });
    }
  });
  if (text.value) ask();
})();
