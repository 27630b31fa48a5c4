import { useState } from 'react';
import { LANGUAGE_INFO } from '@translations/languages';
import { type Language, LANGUAGES, useI18n } from '../i18n/i18n';

/** Each language in its own name and script; the choice is kept on this device. */
export function LanguageSwitcher() {
  const { t, language, setLanguage } = useI18n();
  const [busy, setBusy] = useState(false);
  return (
    <div className="language-switcher">
      <label htmlFor="language">{t.chooseLanguage}</label>
      <select
        id="language"
        value={language}
        aria-busy={busy}
        onChange={(event) => {
          setBusy(true);
          // A language that fails to load (offline) leaves the current one in place.
          setLanguage(event.target.value as Language)
            .catch(() => undefined)
            .finally(() => setBusy(false));
        }}
      >
        {LANGUAGES.map((tag) => (
          <option key={tag} value={tag} lang={tag} dir={LANGUAGE_INFO[tag].dir}>
            {LANGUAGE_INFO[tag].name}
          </option>
        ))}
      </select>
    </div>
  );
}
