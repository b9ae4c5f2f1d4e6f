// Suggestions under the search box as you type (progressive enhancement: without this file
// the form searches as usual). The box becomes an ARIA combobox: arrow keys move through the
// suggestions, Enter opens the chosen one, Escape closes the list.
(function () {
  "use strict";
  var form = document.querySelector("form[data-suggest-url]");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input[name=q]");
  var list = document.createElement("ul");
  list.id = "search-suggestions";
  list.className = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "");
  list.hidden = true;
  input.parentNode.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  var timer = null;
  var active = -1;
  var latest = 0;

  function options() { return list.querySelectorAll("[role=option]"); }

  function close() {
    list.hidden = true;
    list.textContent = "";
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function highlight(index) {
    var all = options();
    if (!all.length) return;
    active = (index + all.length) % all.length;
    all.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", all[active].id);
  }

  function show(suggestions) {
    list.textContent = "";
    active = -1;
    if (!suggestions.length) { close(); return; }
    suggestions.forEach(function (suggestion, i) {
      var item = document.createElement("li");
      item.id = "search-suggestion-" + i;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.dataset.url = suggestion.url;
      var title = document.createElement("span");
      title.className = "search-suggestions__title";
      title.textContent = suggestion.title;
      var label = document.createElement("span");
      label.className = "search-suggestions__label";
      label.textContent = suggestion.kind + (suggestion.label ? " · " + suggestion.label : "");
      item.appendChild(title);
      item.appendChild(label);
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
        window.location.href = suggestion.url;
      });
      list.appendChild(item);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function ask() {
    var text = input.value.trim();
    if (text.length < 3) { close(); return; }
    var ticket = ++latest;
    fetch(form.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(text), {
      headers: { Accept: "application/json" }
    })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) { if (ticket === latest) show(data.suggestions || []); })
      .catch(close);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) return;
    if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
    else if (event.key === "Escape") { event.preventDefault(); close(); }
    else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = options()[active].dataset.url;
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 100); });
})();
