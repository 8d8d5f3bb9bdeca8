// `node --import ./load-recorder.mjs app.js`: appends every module URL the app resolves to the
// file named by FP_LOAD_LOG, so a test can prove what a command did not load.
import { register } from 'node:module';

register('./load-recorder-hooks.mjs', import.meta.url, { data: { log: process.env.FP_LOAD_LOG } });
