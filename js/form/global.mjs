// Entry of the script-tag build (pkg/xxgknb-form.js, made by scripts/build.mjs): the form adapter
// and the lite validator in one classic script with the WebAssembly inlined, for CMS pages that
// have no build step. No modules, no .wasm file to serve, no MIME types to configure:
//   <link rel="stylesheet" href="/static/cms/form.css">
//   <script src="/static/cms/xxgknb-form.js"></script>
//   <script src="/static/cms/report-form.js"></script>  <!-- xxgknb.attach(form, { fields: … }) -->
// It defines one global, `xxgknb`: { attach, pattern, formatValue, version }.
import wasm from '../../pkg/lite/xxgknb_lite_bg.wasm';
import { version } from '../../pkg/lite/version.js';
import { setBuiltInWasm } from './loader.mjs';

setBuiltInWasm(wasm);

export { attach, formatValue, pattern } from './index.mjs';
export { version };
