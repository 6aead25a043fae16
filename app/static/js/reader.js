// Builds the shared context of the reader page from the page itself:
// sections, their audio and sentence times are in the HTML (timeline.js);
// word times follow per section (word-times.js). Nothing is awaited.
import { buildTimeline } from "./timeline.js";
import { attach } from "./words.js";
import { Player } from "./player-core.js";
import { setRegion } from "./announce.js";
import { settings } from "./storage.js";

export function init(body) {
  const tl = buildTimeline(document);
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
  return { tl, player, region };
}
