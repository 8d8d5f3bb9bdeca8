import { useCallback, useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'follower-pulse.theme';

/**
 * A per-machine display preference, so it lives in the browser's storage rather than in
 * settings.json (which the CLI and other machines' copies share).
 */
export function readTheme(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

const SYSTEM_DARK = '(prefers-color-scheme: dark)';

/** Sets the palette on <html> (base.css): the choice, or for "system" the OS theme right now. */
export function applyTheme(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && window.matchMedia(SYSTEM_DARK).matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [theme, setThemeState] = useState<ThemeChoice>(readTheme);
  useEffect(() => {
    applyTheme(theme);
    if (theme !== 'system') return undefined;
    // "System" follows the OS while the app is open, not only at start.
    const query = window.matchMedia(SYSTEM_DARK);
    const follow = (): void => applyTheme('system');
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [theme]);
  const setTheme = useCallback((choice: ThemeChoice) => {
    try {
      if (choice === 'system') window.localStorage.removeItem(STORAGE_KEY);
      else window.localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // Storage can be off (private window): the choice still holds for this session.
    }
    setThemeState(choice);
  }, []);
  return [theme, setTheme];
}
