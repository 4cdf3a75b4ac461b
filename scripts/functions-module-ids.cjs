/**
 * Module ids for the production build (webpack.config.js) that keep functions.js independent of the pane.
 *
 * webpack's default ("deterministic") hashes every module's name into a range sized by how many modules
 * the whole build has, and moves a module on when its id is taken. Both bundles are one build, so a pane
 * chunk that adds modules (DuckDB-wasm and Arrow, ~70 of them) changed ids inside functions.js — the file
 * Excel loads with every workbook — and its size with them. Here the modules of functions.js get their ids
 * first, from their own names and number only; every other module is numbered after them, around the ids
 * already taken. Both are webpack's own DeterministicModuleIdsPlugin.
 */
class FunctionsModuleIdsPlugin {
  constructor(entry = "functions") {
    this.entry = entry;
  }

  apply(compiler) {
    const { DeterministicModuleIdsPlugin } = compiler.webpack.ids;
    let current;
    // Tapped before the plugins below, so it runs first in each compilation (child compilations included).
    compiler.hooks.compilation.tap("FunctionsModuleIdsPlugin", (compilation) => {
      compilation.hooks.moduleIds.tap("FunctionsModuleIdsPlugin", () => {
        current = compilation;
      });
    });
    const inEntry = (module) => {
      for (const chunk of current.chunkGraph.getModuleChunksIterable(module)) if (chunk.name === this.entry) return true;
      return false;
    };
    new DeterministicModuleIdsPlugin({ test: inEntry }).apply(compiler);
    new DeterministicModuleIdsPlugin().apply(compiler);
  }
}

module.exports = { FunctionsModuleIdsPlugin };
