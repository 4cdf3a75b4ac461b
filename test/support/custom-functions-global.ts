/**
 * The `CustomFunctions` global that Excel provides to the functions runtime (the shared stand-in of
 * src/workbench/custom-functions-stand-in.ts), with `associate` recording into {@link associated}.
 */
import { customFunctionsStandIn } from "../../src/workbench/custom-functions-stand-in";

export const associated = new Map<string, (...args: unknown[]) => unknown>();

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = customFunctionsStandIn<(...args: unknown[]) => unknown>((id, fn) => {
  associated.set(id, fn);
});
