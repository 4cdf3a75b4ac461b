/**
 * Jest reads `testTimeout` only from the top-level configuration, not from a project's: each project in
 * jest.config.js passes its own as the global `__PROJECT_TEST_TIMEOUT__`, applied here to every test file.
 */
const timeout = (globalThis as { __PROJECT_TEST_TIMEOUT__?: number }).__PROJECT_TEST_TIMEOUT__;
if (typeof timeout === "number") jest.setTimeout(timeout);
