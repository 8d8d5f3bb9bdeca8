// Global styles first: view styles, imported by their modules, come later and win ties.
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { UiApi } from '../shared/ui-api';
import { ApiProvider } from './api/api-context';
import { chooseApi } from './api/choose-api';
import { App } from './app';
import { applyTheme, readTheme } from './hooks/use-theme';
import { initI18n } from './i18n/i18n';

declare global {
  interface Window {
    api?: UiApi;
  }
}

// Before the first paint, so a dark-theme user never sees a white flash.
applyTheme(readTheme());
const api = chooseApi();
window.api = api;
function render(container: HTMLElement): void {
  createRoot(container).render(
    <StrictMode>
      <ApiProvider api={api}>
        <App />
      </ApiProvider>
    </StrictMode>,
  );
}

const container = document.getElementById('root');
// Portuguese until settings say otherwise: the users are Brazilian (glossary).
if (container) void initI18n('pt-BR').then(() => render(container));
