// Modules that only exist for a bundler, declared for `npm run typecheck` (tsconfig.check.json):
// js/form/global.mjs imports the lite .wasm, which esbuild's `binary` loader (scripts/build.mjs)
// turns into its bytes.
declare module '*.wasm' {
  const bytes: Uint8Array;
  export default bytes;
}

// PDF.js's worker module ships no declarations; js/documents/env.node.mjs imports it only to
// load it early (its core-js is then run while the built-ins can be put back).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
