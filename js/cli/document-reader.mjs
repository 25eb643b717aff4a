// The reader thread of documents.mjs: PDF, DOCX, DOC/WPS bytes in, the text or HTML the core
// reads (and how to map its locations back) out. Only this thread loads PDF.js and the others.
import { parentPort } from 'node:worker_threads';
import { extractFile } from '../documents/index.mjs';
import * as env from '../documents/env.node.mjs';

if (!parentPort)
  throw new Error('xxgknb: js/cli/document-reader.mjs runs as a worker thread (documents.mjs starts it)');
const port = parentPort;

/** @typedef {{ id: number, bytes: Uint8Array, kind: import('../types.js').FileKind, limits: import('../documents/index.mjs').Limits }} Job */
port.on('message', async (/** @type {Job} */ { id, bytes, kind, limits }) => {
  try {
    port.postMessage({ id, ...(await extractFile(bytes, kind, limits, env)) });
  } catch (/** @type {any} */ err) {
    port.postMessage({ id, error: String(err?.message ?? err) });
  }
});
