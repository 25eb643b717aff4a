// Modules that only exist for a bundler, declared for `npm run typecheck` (tsconfig.check.json):
// js/form/global.mjs imports the lite .wasm, which esbuild's `binary` loader (scripts/build.mjs)
// turns into its bytes.
declare module '*.wasm' {
  const bytes: Uint8Array;
  export default bytes;
}
