import { createContext, useContext } from 'react';
import type { Language } from '../../shared/error-explanations';
import type { Settings } from '../../shared/settings-schema';
import type { ApiFailure, AppInfo } from '../../shared/ui-api';

/** What every view needs to know about the app: where it runs, its settings and language. */
export interface AppState {
  info: AppInfo;
  /** null while settings.json is invalid (the banner explains why). */
  settings: Settings | null;
  language: Language;
  setSettings: (settings: Settings) => void;
  /** Switches the UI at once and saves the choice; resolves to the failure, if any. */
  changeLanguage: (language: Language) => Promise<ApiFailure | null>;
  refreshInfo: () => Promise<void>;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside AppContext');
  return app;
}
