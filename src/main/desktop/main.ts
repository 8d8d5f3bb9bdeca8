import * as electron from 'electron';
import { startDesktop } from './start-desktop';

startDesktop(electron);
