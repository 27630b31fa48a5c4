import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { AuthProvider } from './auth/auth';
import { applyLanguageToDocument, I18nProvider, loadStrings, storedLanguage } from './i18n/i18n';
import './styles.css';

/** The chosen language's strings load before the first render, so no page flashes in Dutch first. */
async function start(): Promise<void> {
  const language = storedLanguage();
  const strings = await loadStrings(language);
  applyLanguageToDocument(language);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider language={language} strings={strings}>
        <AuthProvider>
          <App />
        </AuthProvider>
      </I18nProvider>
    </StrictMode>,
  );
}

void start();
