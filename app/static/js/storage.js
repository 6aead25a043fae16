// localStorage that never throws (private mode, quota, disabled storage).
const PREFIX = "vorleser:";

export function load(key, fallback) {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    return raw === null ? fallback : JSON.parse(raw);
  } catch (err) {
    return fallback;
  }
}

export function save(key, value) {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch (err) {
    // Storage full or blocked: settings simply are not remembered.
  }
}

export function remove(key) {
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch (err) {
    // ignore, see save()
  }
}

/** The shared settings object with defaults. */
export function settings() {
  return { rate: 1, follow: true, size: "100", theme: "auto", focusable: false, ...load("settings", {}) };
}

export function saveSetting(name, value) {
  save("settings", { ...load("settings", {}), [name]: value });
}
