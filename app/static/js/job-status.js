// The job page: fetch the job's state every second until it is done or failed, and show it.
// Only the start, the finish and a failure are announced, once each, in the polite live region.
// Without JS the page is complete as served; a reload shows the current state.
import { T } from "./strings.js";

// The job's state (the API's German state names, not text for people) -> what is announced.
const ANNOUNCE = {
  "läuft": (s) => T.jobRunning(s.title),
  fertig: (s) => T.jobDone(s.title),
  fehlgeschlagen: (s) => T.jobFailed(s.error),
};

function field(root, name) {
  return root.querySelector(`[data-field="${name}"]`);
}

function showProgress(root, s) {
  const bar = root.querySelector("progress");
  if (!bar) return;
  if (s.state === "läuft" && s.total) {
    bar.max = s.total;
    bar.value = s.done;
    bar.textContent = T.jobProgress(s.done, s.total);
  } else if (s.final) {
    bar.max = 1;
    bar.value = 1;
  } else {
    bar.removeAttribute("value"); // indeterminate while waiting or reading the source
  }
}

function render(root, s) {
  field(root, "state_words").textContent = s.state_words;
  field(root, "detail").textContent = s.detail;
  const reader = field(root, "reader");
  reader.hidden = !s.reader_url;
  if (s.reader_url) reader.querySelector("a").href = s.reader_url;
  const failure = field(root, "failure");
  failure.hidden = !s.error;
  field(root, "error").textContent = s.error || "";
  field(root, "hint").textContent = s.hint || "";
  showProgress(root, s);
  document.title = T.jobTitle(s.state_words);
  root.dataset.state = s.state;
}

export function init(root) {
  const live = document.getElementById("job-live");
  const url = root.dataset.jobStatus;
  const announced = new Set();
  if (root.dataset.state !== "wartet") announced.add("läuft"); // it had started before the page loaded
  let delay = 1000;

  function announce(s) {
    const say = ANNOUNCE[s.state];
    if (!say || announced.has(s.state)) return;
    announced.add(s.state);
    if (s.state !== "läuft") announced.add("läuft");
    live.textContent = say(s);
  }

  async function poll() {
    let s;
    try {
      const res = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      s = await res.json();
      delay = 1000;
    } catch (err) {
      delay = Math.min(delay * 2, 15000); // the server restarts: keep trying, more slowly
      window.setTimeout(poll, delay);
      return;
    }
    const before = root.dataset.state;
    render(root, s);
    if (s.state !== before || s.final) announce(s);
    if (!s.final) window.setTimeout(poll, delay);
  }

  if (root.dataset.state === "fertig" || root.dataset.state === "fehlgeschlagen") return;
  window.setTimeout(poll, 300);
}

for (const root of document.querySelectorAll("[data-job-status]")) {
  try {
    init(root);
  } catch (err) {
    console.error("vorleser: job status failed", err);
  }
}
