// The embedded player's entry: its modules imported statically (and preloaded).
import { boot } from "./boot.js";
import * as embed from "./embed.js";

boot({ embed: [embed] });
