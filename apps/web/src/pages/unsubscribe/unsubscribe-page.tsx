import { useEffect, useState } from 'react';
import { usePageTitle } from '../../components/page-title';
import { GraphQLRequestError, request } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { LANGUAGES, type Language, useI18n } from '../../i18n/i18n';

const UNSUBSCRIBE_MAIL = graphql(`
  mutation UnsubscribeMail($token: String!) {
    unsubscribeMail(token: $token)
  }
`);

type State = 'ready' | 'busy' | 'done' | 'badLink' | 'failed';

/** The language of the mail the link came from (`?lang=`), when we have it. */
function mailLanguage(): Language | null {
  const asked = new URLSearchParams(window.location.search).get('lang');
  return LANGUAGES.find((language) => language === asked) ?? null;
}

/**
 * /u/<token> — the page of a mail's "Unsubscribe" link: no login, in the mail's language, one big
 * button (unsubscribeMail: what a mail client's one-click POST to the same address does, RFC 8058),
 * then the result in words.
 */
export function UnsubscribePage(props: { token: string }) {
  const { t, language, setLanguage } = useI18n();
  const [state, setState] = useState<State>('ready');
  usePageTitle(t.unsubscribe.title);

  useEffect(() => {
    const wanted = mailLanguage();
    if (wanted && wanted !== language) void setLanguage(wanted);
    // Only on arrival: the switcher may change the language afterwards.
  }, []);

  const unsubscribe = async () => {
    setState('busy');
    try {
      await request(UNSUBSCRIBE_MAIL, { token: props.token });
      setState('done');
    } catch (caught) {
      setState(caught instanceof GraphQLRequestError && caught.code === 'BAD_USER_INPUT' ? 'badLink' : 'failed');
    }
  };

  return (
    <>
      <h1>{t.unsubscribe.title}</h1>
      {state === 'done' ? (
        <p role="status" className="notice notice--ok">
          {t.unsubscribe.done}
        </p>
      ) : state === 'badLink' ? (
        <p role="alert" className="notice notice--error">
          {t.unsubscribe.badLink}
        </p>
      ) : (
        <>
          <p className="intro">{t.unsubscribe.intro}</p>
          {state === 'failed' && (
            <p role="alert" className="notice notice--error">
              {t.loadError}
            </p>
          )}
          <p>
            <button type="button" className="button--big" disabled={state === 'busy'} onClick={() => void unsubscribe()}>
              {state === 'busy' ? t.loading : t.unsubscribe.button}
            </button>
          </p>
        </>
      )}
      <p>{t.unsubscribe.keeps}</p>
    </>
  );
}
