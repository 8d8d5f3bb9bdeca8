import * as electron from 'electron';
import { createDesktopBoot } from './desktop-services';
import { startDesktop } from './start-desktop';

// The Electron entry (dist/desktop/main.js). Everything with logic is in modules that take
// Electron as a parameter, so they are unit-tested without the binary.
startDesktop(electron, process.argv, createDesktopBoot(import.meta.dirname));
