import { useForm } from 'react-hook-form';
import { usePageTitle } from '../../components/page-title';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { SelectInput } from '../ui/fields';
import { QueryStatus } from '../ui/query-status';
import { CHANNELS, languageName, MESSAGE_KINDS, MESSAGE_LANGUAGES } from './message-words';
import { MESSAGE_PREVIEW } from './queries';

interface Choice {
  kind: string;
  language: string;
  channel: 'EMAIL' | 'SMS';
}

/** Every message kind in every language and channel, as the real renderer writes it with demo values. */
export function PreviewPage() {
  const { s, format } = useStaffI18n();
  const words = s.messages.preview;
  usePageTitle(words.title);
  const choice = useForm<Choice>({ defaultValues: { kind: 'REGISTRATION_CONFIRMED', language: 'nl', channel: 'EMAIL' } });
  const { kind, language, channel } = choice.watch();
  const preview = useStaffQuery(MESSAGE_PREVIEW, { kind, language, channel });
  return (
    <>
      <h1>{words.title}</h1>
      <p>{words.intro}</p>
      <form className="messages__filters" aria-label={words.title} onSubmit={(event) => event.preventDefault()}>
        <SelectInput control={choice.control} name="kind" label={words.kind} options={MESSAGE_KINDS.map((id) => ({ id, label: s.messages.kinds[id] }))} />
        <SelectInput
          control={choice.control}
          name="language"
          label={words.language}
          options={MESSAGE_LANGUAGES.map((id) => ({ id, label: languageName(id) }))}
        />
        <SelectInput control={choice.control} name="channel" label={words.channel} options={CHANNELS.map((id) => ({ id, label: s.messages.channels[id] }))} />
      </form>
      <QueryStatus query={preview}>
        {({ messagePreview: p }) => (
          <>
            {p.language !== language && <p className="notice">{words.fallback}</p>}
            <section className="messages__preview" aria-label={words.region}>
              <div lang={p.language} dir={p.direction} data-testid="message-preview">
                {p.channel === 'EMAIL' ? (
                  <>
                    <h2>{p.subject}</h2>
                    <pre className="messages__body">{p.text}</pre>
                  </>
                ) : (
                  <pre className="messages__body">{p.sms}</pre>
                )}
              </div>
            </section>
            {p.channel === 'SMS' && <p>{format(words.segments, { count: p.smsSegments ?? 0, encoding: p.smsEncoding ?? '' })}</p>}
          </>
        )}
      </QueryStatus>
    </>
  );
}
