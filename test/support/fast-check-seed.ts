import fc from "fast-check";

/**
 * Property tests run from a fixed seed so that a CI run is reproducible and cannot fail by chance; set
 * FC_SEED to another number (or "random") to explore other inputs locally. A failure prints its seed.
 */
const setting = process.env.FC_SEED;
if (setting !== "random") fc.configureGlobal({ seed: setting === undefined ? 20261122 : Number(setting) });
