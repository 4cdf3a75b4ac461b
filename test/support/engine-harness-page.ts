/**
 * The entry of the engine's test page (scripts/engine-harness.cjs): the Import page's engine and nothing
 * else, on `window` for the browser test and the bench to call through page.evaluate, with the bench's
 * plain-JavaScript baseline beside it.
 */
import { baselineSummary } from "../../bench/import-baseline";
import { createOrderFileEngine, sniffFile } from "../../src/taskpane/features/import/engine";
import { EngineError } from "../../src/taskpane/features/import/engine-contract";

(window as unknown as { __importEngine: unknown }).__importEngine = { sniffFile, createOrderFileEngine, EngineError, baselineSummary };
