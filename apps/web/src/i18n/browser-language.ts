/**
 * Browser tags that name one of our languages under another code: Dari is Persian as written in
 * Afghanistan (fa-AF; a Persian reader reads Dari), Pashto has regional codes of its own.
 */
const ALIASES: Readonly<Record<string, string>> = { fa: 'prs', pbt: 'ps', pbu: 'ps', pst: 'ps' };

/**
 * The first of the browser's languages (navigator.languages, best first) that the site speaks:
 * a regional tag counts as its base language ("ar-EG" → ar, "nl-BE" → nl, "fa-AF" → prs).
 */
export function pickBrowserLanguage<L extends string>(tags: readonly string[], supported: readonly L[]): L | null {
  const known = new Set<string>(supported);
  for (const tag of tags) {
    const lower = tag.trim().toLowerCase();
    const base = lower.split(/[-_]/)[0];
    for (const candidate of [lower, base, ALIASES[base]]) {
      if (candidate && known.has(candidate)) return candidate as L;
    }
  }
  return null;
}
