// Library page: filter the article list as you type.
import { T } from "./strings.js";

export function init(box) {
  const input = box.querySelector("input");
  const status = box.querySelector(".filter-n");
  const cards = [...document.querySelectorAll(".articles > li")];
  const texts = cards.map((c) => c.textContent.toLocaleLowerCase("de"));
  let timer = 0;

  function run() {
    const q = input.value.trim().toLocaleLowerCase("de");
    let shown = 0;
    cards.forEach((card, i) => {
      const hit = !q || texts[i].includes(q);
      card.hidden = !hit;
      if (hit) shown += 1;
    });
    status.textContent = q ? T.filterCount(shown, cards.length) : "";
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  box.hidden = false;
}
