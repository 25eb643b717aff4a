// The reader thread of documents.mjs: PDF, DOCX, DOC/WPS bytes in, the text or HTML the core
// reads (and how to map its locations back) out. Only this thread loads PDF.js and the others.
import { parentPort } from 'node:worker_threads';
import { extractFile } from '../documents/index.mjs';
import * as env from '../documents/env.node.mjs';

parentPort.on('message', async ({ id, bytes, kind, limits }) => {
  try {
    parentPort.postMessage({ id, ...(await extractFile(bytes, kind, limits, env)) });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err?.message ?? err) });
  }
});
