// The reader page's behaviours, imported statically: the server joins them into
// one file (/js/reader-page.js, app/web/bundle.py), so they arrive together
// and run before DOMContentLoaded; the player starts from the timings in the HTML.
import { boot } from "./boot.js";
import * as reader from "./reader.js";
import * as sync from "./sync.js";
import * as wordTimes from "./word-times.js";
import * as sentences from "./sentences.js";
import * as follow from "./follow.js";
import * as mediaSession from "./media-session.js";
import * as search from "./search.js";
import * as offline from "./offline.js";
import * as controls from "./controls.js";
import * as loadError from "./load-error.js";
import * as settings from "./settings.js";
import * as resume from "./resume.js";
import * as keysDialog from "./keys-dialog.js";
import * as shortcuts from "./shortcuts.js";

boot({
  reader: [reader, sync, wordTimes, sentences, follow, mediaSession],
  search: [search],
  offline: [offline],
  player: [controls, loadError, settings, resume, keysDialog, shortcuts],
});
