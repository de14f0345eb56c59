// "Kopiér link": copies the text of the element a button names
// (data-copy="#id") and says so in the button's status region. Loaded
// from Roret's own origin (the Content-Security-Policy allows no inline
// script). Where the clipboard API is not offered (plain http outside
// localhost), the text is selected for the user to copy with Ctrl+C.
(function () {
  function say(button, text) {
    var status = document.getElementById(button.getAttribute("aria-describedby") || "");
    if (status) { status.textContent = text; }
  }
  function select(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-copy]");
    if (!button) { return; }
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (!source) { return; }
    var text = source.textContent.trim();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () {
        say(button, "Linket er kopieret. Sæt det ind i en besked til borgeren.");
      }, function () {
        select(source);
        say(button, "Linket kunne ikke kopieres automatisk. Det er markeret: tryk Ctrl+C (eller ⌘+C).");
      });
    } else {
      select(source);
      say(button, "Linket er markeret: tryk Ctrl+C (eller ⌘+C) for at kopiere det.");
    }
  });
  var buttons = document.querySelectorAll("button[data-copy][hidden]");
  for (var i = 0; i < buttons.length; i++) { buttons[i].hidden = false; }
})();
