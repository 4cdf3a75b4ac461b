import { config } from "zod/v4/core";

// taskpane.html's Content-Security-Policy allows no eval: zod must not compile its parsers with
// `new Function`, nor even probe for it (a refused probe is reported as a CSP violation). It reads the
// setting when a schema is built, so this module runs before any wizard's (see pages.ts).
config({ jitless: true });
