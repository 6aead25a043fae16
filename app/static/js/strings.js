// Every German text the scripts show or announce lives here.
export const T = {
  play: "Abspielen",
  pause: "Pause",
  playing: "Wiedergabe läuft",
  paused: "Pausiert",
  rate: (r) => `Tempo ${fmtNum(r)}-fach`,
  section: (name) => `Abschnitt: ${name}`,
  sectionOf: (i, n, name) => `${i} von ${n}: ${name}`,
  timeOf: (a, b) => `${a} von ${b}`,
  timeSlash: (a, b) => `${a} / ${b}`,
  resumeAt: (t) => `Fortsetzen bei ${t}?`,
  resumed: (t) => `Fortgesetzt bei ${t}`,
  hits: (n) => (n === 0 ? "Keine Treffer" : n === 1 ? "1 Treffer" : `${n} Treffer`),
  hitsMax: (n, max) => `${n} Treffer, die ersten ${max} sind aufgeführt`,
  filterCount: (n, all) => `${n} von ${all} Artikeln`,
  keysHeading: "Tastenkürzel",
  keysGlobal: "Überall auf der Seite",
  keysPlayer: "Wenn der Fokus in der Wiedergabe steht",
  keyCol: "Taste",
  actionCol: "Aktion",
  or: "oder",
  actions: {
    toggle: "Abspielen oder pausieren",
    nextSentence: "Nächster Satz",
    prevSentence: "Vorheriger Satz",
    nextSection: "Nächster Abschnitt",
    prevSection: "Vorheriger Abschnitt",
    back: "10 Sekunden zurück",
    forward: "10 Sekunden vor",
    faster: "Schneller",
    slower: "Langsamer",
    current: "Zur aktuellen Stelle",
    focusPlayer: "Zur Wiedergabe springen",
    keys: "Tastenkürzel anzeigen",
  },
  keyNames: {
    Alt: "Alt", Shift: "Umschalt", Space: "Leertaste",
    ArrowLeft: "Pfeil links", ArrowRight: "Pfeil rechts",
    ArrowUp: "Pfeil hoch", ArrowDown: "Pfeil runter",
    PageUp: "Bild hoch", PageDown: "Bild runter", ",": "Komma", ".": "Punkt",
  },
  loadError: "Die Audiodatei konnte nicht geladen werden.",
  appName: "Vorleser",
};

export function fmtNum(n) {
  return String(n).replace(".", ",");
}
