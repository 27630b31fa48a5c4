import { MAIL_FOOTERS, type MessageLanguage } from './catalogues';
import { escapeHtml, type RenderedMessage } from './render';

/**
 * A mail the reader can live without ends with a visible "Unsubscribe" link (besides its
 * List-Unsubscribe header, which not every mail client shows), in the mail's language; a mail in
 * Dutch + English (a language without catalogue) says it in both.
 */
export function withUnsubscribeLink(message: RenderedMessage, url: string): RenderedMessage {
  const languages: MessageLanguage[] = Object.prototype.hasOwnProperty.call(MAIL_FOOTERS, message.language)
    ? message.html.includes('<section lang="en"')
      ? ['nl', 'en']
      : [message.language as MessageLanguage]
    : ['nl', 'en'];
  // The URL stands between whitespace, so mail clients' link detection finds exactly it.
  const text = languages.map((language) => `${MAIL_FOOTERS[language].notWanted} ${MAIL_FOOTERS[language].unsubscribe}: ${url}`).join('\n');
  const link = (language: MessageLanguage) =>
    `<a href="${escapeHtml(url)}" style="color:#0b57d0;text-decoration:underline;">${escapeHtml(MAIL_FOOTERS[language].unsubscribe)}</a>`;
  const paragraphs = languages
    .map((language) => `<p lang="${language}" style="margin:0 0 8px;font-size:16px;">${escapeHtml(MAIL_FOOTERS[language].notWanted)} ${link(language)}</p>`)
    .join('\n');
  const footer = `<hr style="border:0;border-top:1px solid #9ca3af;margin:24px 0 16px;">\n${paragraphs}\n`;
  const end = message.html.lastIndexOf('</main>');
  return {
    ...message,
    text: `${message.text}\n\n--\n${text}`,
    html: end < 0 ? `${message.html}\n${footer}` : `${message.html.slice(0, end)}${footer}${message.html.slice(end)}`,
  };
}
