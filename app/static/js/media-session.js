// Media Session: lock screen / headset controls and metadata.
import { T } from "./strings.js";

export function init(body, ctx) {
  if (!("mediaSession" in navigator)) return;
  const { player, tl } = ctx;
  const ms = navigator.mediaSession;
  const act = () => ctx.actions || {};

  function meta() {
    ms.metadata = new MediaMetadata({ title: player.section.heading, artist: tl.title, album: T.appName });
  }

  const handlers = {
    play: () => player.play(),
    pause: () => player.pause(),
    seekbackward: (d) => player.skip(-1000 * (d.seekOffset || 10)),
    seekforward: (d) => player.skip(1000 * (d.seekOffset || 10)),
    previoustrack: () => (act().prevSection ? act().prevSection() : player.prevSection()),
    nexttrack: () => (act().nextSection ? act().nextSection() : player.nextSection()),
  };
  for (const [name, fn] of Object.entries(handlers)) {
    try {
      ms.setActionHandler(name, fn);
    } catch (err) {
      // This browser does not know the action.
    }
  }
  player.addEventListener("section", meta);
  player.addEventListener("state", () => {
    ms.playbackState = player.playing ? "playing" : "paused";
  });
  meta();
}
