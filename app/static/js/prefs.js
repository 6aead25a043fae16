// The reader's stored text size and theme, applied before the first paint.
// A classic script in <head>, the one exception to "modules started from
// data-module": modules run only after the page is parsed, by then the page
// may have been painted at 100 % and light, and would jump (CLS 0.42 measured
// with 150 %). Same storage as js/storage.js ("vorleser:settings"); js/settings.js
// applies and saves every change later.
(function () {
  try {
    var saved = JSON.parse(window.localStorage.getItem("vorleser:settings") || "{}");
    var root = document.documentElement;
    if (/^(125|150|175|200)$/.test(saved.size)) root.setAttribute("data-size", saved.size);
    if (/^(light|dark|contrast)$/.test(saved.theme)) root.setAttribute("data-theme", saved.theme);
  } catch (err) {
    // Storage blocked or broken: the defaults stay.
  }
})();
