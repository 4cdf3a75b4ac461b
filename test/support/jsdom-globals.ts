/**
 * Browser APIs jsdom lacks that Fluent UI v9 uses. Fluent's MessageBar observes its own size to decide
 * whether actions wrap; jsdom has no layout, so an observer that never reports is faithful enough.
 */
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
}
