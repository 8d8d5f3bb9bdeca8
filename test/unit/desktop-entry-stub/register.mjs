// Loaded with --import before the desktop entry: 'electron' resolves to electron.mjs here.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
