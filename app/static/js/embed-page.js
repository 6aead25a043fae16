// The embedded player's entry: its modules imported statically, served as one
// file (/js/embed-page.js, app/web/bundle.py).
import { boot } from "./boot.js";
import * as embed from "./embed.js";

boot({ embed: [embed] });
