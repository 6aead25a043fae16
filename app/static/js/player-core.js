// One <audio> plays the article section by section. Events: state, seek,
// section {user}, rate, sentence (from sync.js), loaded {si}, error {si, ms, play}.
import { clamp } from "./format.js";
import { locate, sentenceAt } from "./timeline.js";

const PREFETCH_MS = 20000;

export class Player extends EventTarget {
  constructor(audio, tl) {
    super();
    this.audio = audio;
    this.tl = tl;
    this.si = 0;
    this.loaded = -1;
    this.pending = null; // {ms} while a section file loads or a seek is underway
    this.token = 0;
    this.wantPlay = false;
    this.rate = 1;
    this.prefetched = new Set();
    audio.addEventListener("ended", () => this.onEnded());
    audio.addEventListener("play", () => this.emit("state"));
    audio.addEventListener("pause", () => this.onPause());
    audio.addEventListener("seeked", () => this.emit("seek"));
    audio.addEventListener("timeupdate", () => this.maybePrefetch());
  }

  emit(type, detail = {}) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  get section() {
    return this.tl.sections[this.si];
  }

  get playing() {
    return this.wantPlay;
  }

  /** Position inside the current section file in ms. */
  localMs() {
    return this.pending ? this.pending.ms : this.audio.currentTime * 1000;
  }

  globalMs() {
    return this.section.offset + this.localMs();
  }

  /** Load section si (if needed), seek to ms, optionally play. */
  async go(si, ms, { play = this.wantPlay, user = false, reload = false } = {}) {
    si = clamp(si, 0, this.tl.sections.length - 1);
    if (reload) this.loaded = -1;
    const token = ++this.token;
    const changed = si !== this.si;
    this.si = si;
    this.wantPlay = play;
    this.pending = { ms: Math.max(0, ms) };
    if (changed) this.emit("section", { user });
    this.emit("seek");
    const a = this.audio;
    if (this.loaded !== si || a.error) {
      this.loaded = si;
      a.src = this.section.url;
      a.defaultPlaybackRate = this.rate;
      a.playbackRate = this.rate;
      const ok = await loaded(a);
      if (token !== this.token) return;
      if (!ok) {
        this.pending = null;
        this.wantPlay = false;
        this.loaded = -1; // the next play or seek tries the file again
        this.emit("error", { si, ms: Math.max(0, ms), play });
        this.emit("state");
        return;
      }
      this.emit("loaded", { si });
    }
    a.currentTime = this.pending.ms / 1000;
    this.pending = null;
    this.emit("seek");
    if (play) await this.play();
    else if (!a.paused) a.pause();
    this.emit("state");
  }

  async play() {
    this.wantPlay = true;
    if (this.loaded !== this.si || this.audio.error) return this.go(this.si, this.localMs(), { play: true });
    this.audio.playbackRate = this.rate;
    try {
      await this.audio.play();
    } catch (err) {
      if (err.name === "NotSupportedError") { // the file failed to load meanwhile
        this.wantPlay = false;
        this.loaded = -1;
        this.emit("error", { si: this.si, ms: this.localMs(), play: true });
      } else if (err.name !== "AbortError") {
        this.wantPlay = false;
        console.warn("vorleser: play failed", err);
      }
    }
    this.emit("state");
  }

  pause() {
    this.wantPlay = false;
    this.audio.pause();
    this.emit("state");
  }

  toggle() {
    return this.wantPlay ? this.pause() : this.play();
  }

  seekGlobal(globalMs, opts = {}) {
    const [si, ms] = locate(this.tl, globalMs);
    return this.go(si, ms, opts);
  }

  skip(deltaMs) {
    return this.seekGlobal(this.globalMs() + deltaMs, { user: true });
  }

  playSentence(si, k, play = true) {
    const s = this.tl.sections[si].sentences[k];
    return this.go(si, s ? s.begin : 0, { play, user: si !== this.si });
  }

  currentSentence() {
    return sentenceAt(this.section, this.localMs());
  }

  nextSentence() {
    const k = this.currentSentence() + 1;
    if (k < this.section.sentences.length) return this.playSentence(this.si, k, this.wantPlay);
    if (this.si + 1 < this.tl.sections.length) return this.playSentence(this.si + 1, 0, this.wantPlay);
    return undefined;
  }

  prevSentence() {
    const k = this.currentSentence() - 1;
    if (k >= 0) return this.playSentence(this.si, k, this.wantPlay);
    if (this.si > 0) {
      const prev = this.tl.sections[this.si - 1];
      return this.playSentence(this.si - 1, prev.sentences.length - 1, this.wantPlay);
    }
    return this.playSentence(0, 0, this.wantPlay);
  }

  nextSection() {
    if (this.si + 1 >= this.tl.sections.length) return undefined;
    return this.go(this.si + 1, 0, { user: true });
  }

  prevSection() {
    return this.go(Math.max(0, this.si - 1), 0, { user: true });
  }

  setRate(rate) {
    this.rate = clamp(Number(rate) || 1, 0.5, 3);
    this.audio.defaultPlaybackRate = this.rate;
    this.audio.playbackRate = this.rate;
    this.emit("rate");
  }

  /** Paused from outside (headset, OS): follow it, except while switching files. */
  onPause() {
    if (!this.pending && !this.audio.ended && this.loaded === this.si) this.wantPlay = false;
    this.emit("state");
  }

  onEnded() {
    if (this.si + 1 < this.tl.sections.length) {
      this.go(this.si + 1, 0, { play: true, user: false });
    } else {
      this.wantPlay = false;
      this.emit("state");
    }
  }

  maybePrefetch() {
    const next = this.tl.sections[this.si + 1];
    if (!next || this.prefetched.has(next.index)) return;
    if (this.section.duration - this.localMs() > PREFETCH_MS) return;
    this.prefetched.add(next.index);
    fetch(next.url).then((r) => r.blob()).catch(() => {});
  }
}

/** Resolves true once metadata is there, false on error. */
function loaded(a) {
  return new Promise((resolve) => {
    const done = (ok) => {
      a.removeEventListener("loadedmetadata", onMeta);
      a.removeEventListener("error", onErr);
      resolve(ok);
    };
    const onMeta = () => done(true);
    const onErr = () => done(false);
    a.addEventListener("loadedmetadata", onMeta);
    a.addEventListener("error", onErr);
  });
}
