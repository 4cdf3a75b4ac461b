import { EngineError } from "../../../src/taskpane/features/import/engine-contract";
import { engineError, hasWebAssembly, messageOf, problemOf } from "../../../src/taskpane/features/import/engine/problems";

describe("problemOf: what a DuckDB-wasm or browser failure means for the user", () => {
  it.each([
    ["DuckDB's own memory limit", "Out of Memory Error: failed to allocate data of size 64.0 MiB (3.1 GiB/3.1 GiB used)"],
    ["the WebAssembly heap cannot grow", "RangeError: WebAssembly.Memory.grow(): Maximum memory size exceeded"],
    ["emscripten's heap", "Cannot enlarge memory arrays to size 4294967296 bytes"],
    ["emscripten's abort", "Aborted(OOM)"],
    ["an ArrayBuffer in the worker", "RangeError: Array buffer allocation failed"],
    ["C++ inside DuckDB", "std::bad_alloc"],
  ])("reads running out of memory (%s) as outOfMemory", (_, message) => {
    expect(problemOf(new Error(message))).toBe("outOfMemory");
  });

  it("reads a policy refusing WebAssembly as noWebAssembly", () => {
    const message = "WebAssembly.instantiate(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script in the following Content Security Policy directive";
    expect(problemOf(new Error(message))).toBe("noWebAssembly");
  });

  it("reads anything else as the fallback given (an unreadable file by default)", () => {
    expect(problemOf(new Error("Invalid Input Error: CSV Error on Line: 3"))).toBe("unreadableFile");
    expect(problemOf("the DuckDB worker stopped", "loadTimeout")).toBe("loadTimeout");
  });

  it("keeps an EngineError's own problem", () => {
    expect(problemOf(new EngineError("cancelled"))).toBe("cancelled");
  });
});

describe("engineError", () => {
  it("keeps the first line of the original message, at most 300 characters, as the detail", () => {
    const error = engineError(new Error(`Out of Memory Error: ${"x".repeat(400)}\nstack`));
    expect(error).toBeInstanceOf(EngineError);
    expect(error.problem).toBe("outOfMemory");
    expect(error.detail).toHaveLength(300);
    expect(error.detail!.startsWith("Out of Memory Error: ")).toBe(true);
  });

  it("returns an EngineError as it is", () => {
    const original = new EngineError("loadTimeout", "DuckDB did not start within 60 s");
    expect(engineError(original)).toBe(original);
  });
});

describe("messageOf", () => {
  it("reads Errors, strings (DuckDB's worker sends both) and objects with a message", () => {
    expect(messageOf(new Error("a"))).toBe("a");
    expect(messageOf("b")).toBe("b");
    expect(messageOf({ message: "c" })).toBe("c");
    expect(messageOf(42)).toBe("42");
  });
});

describe("hasWebAssembly", () => {
  const original = globalThis.WebAssembly;
  afterEach(() => {
    Object.defineProperty(globalThis, "WebAssembly", { value: original, configurable: true, writable: true });
  });

  it("is true where WebAssembly runs (Node) and false in a webview that removed it", () => {
    expect(hasWebAssembly()).toBe(true);
    Object.defineProperty(globalThis, "WebAssembly", { value: undefined, configurable: true, writable: true });
    expect(hasWebAssembly()).toBe(false);
  });
});
