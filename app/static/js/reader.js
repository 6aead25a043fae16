// Builds the shared context of the reader page: timeline, words, player.
import { buildTimeline } from "./timeline.js";
import { attach } from "./words.js";
import { Player } from "./player-core.js";
import { setRegion } from "./announce.js";
import { settings } from "./storage.js";

export async function init(body) {
  const res = await fetch(body.dataset.manifest, { headers: { Accept: "application/json" } });
  if (!res.ok) throw new Error(`manifest: HTTP ${res.status}`);
  const manifest = await res.json();
  const tl = buildTimeline(manifest);
  attach(tl);
  const audio = document.createElement("audio");
  audio.preload = "metadata";
  audio.className = "p-audio";
  const region = document.getElementById("player");
  region.append(audio);
  const player = new Player(audio, tl);
  player.setRate(settings().rate);
  setRegion(document.getElementById("announce"));
  audio.src = tl.sections[0].url;
  player.loaded = 0;
  return { manifest, tl, player, region };
}
