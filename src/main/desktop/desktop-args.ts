/** Passed at login so the app starts in the tray without opening its window. */
export const HIDDEN_FLAG = '--hidden';

export interface DesktopArgs {
  /** Start in the tray without a window (launch at login). */
  hidden: boolean;
  /** `--home DIR`, as the CLI takes it. */
  home: string | undefined;
}

/** The flags the desktop app understands; Chromium's and Electron's own are left alone. */
export function parseDesktopArgs(argv: readonly string[]): DesktopArgs {
  let home: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--home') home = argv[++i];
    else if (arg?.startsWith('--home=')) home = arg.slice('--home='.length);
  }
  return { hidden: argv.includes(HIDDEN_FLAG), home: home === '' ? undefined : home };
}
