import type { Control } from 'react-hook-form';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { type Option, SelectInput } from '../ui/fields';
import { AUDIENCE_KINDS, type BroadcastValues } from './broadcast-schema';
import { formatMoment } from './message-words';
import { AUDIENCE_CHOICES, PROGRAMME_SESSIONS } from './queries';

/** Who gets the broadcast: a kind of audience, then the programme and its session or series, or a festival edition. */
export function AudienceFields(props: { control: Control<BroadcastValues>; kind: string; programmeId: string }) {
  const { s, format, language } = useStaffI18n();
  const words = s.messages.broadcast;
  const choices = useStaffQuery(AUDIENCE_CHOICES, {});
  const needsSessions = props.kind === 'SESSION' || props.kind === 'SERIES';
  const sessions = useStaffQuery(PROGRAMME_SESSIONS, { filter: { programmeId: props.programmeId } }, { enabled: needsSessions && !!props.programmeId });
  const nodes = sessions.data?.sessions.edges.map((edge) => edge.node) ?? [];
  const targets: Option[] =
    props.kind === 'SESSION'
      ? nodes.map((session) => ({ id: session.id, label: `${session.title}, ${formatMoment(session.startsAt, language)}` }))
      : [...seriesOf(nodes).entries()].map(([id, members]) => ({ id, label: format(words.seriesLabel, { title: members[0].title, count: members.length }) }));
  return (
    <>
      <SelectInput
        control={props.control}
        name="audienceKind"
        label={words.audienceKind}
        description={words.audienceHint}
        isRequired
        options={AUDIENCE_KINDS.map((id) => ({ id, label: words.audienceKinds[id] }))}
      />
      {props.kind && props.kind !== 'FESTIVAL_EDITION' && (
        <SelectInput
          control={props.control}
          name="programmeId"
          label={words.programme}
          isRequired
          options={(choices.data?.programmes ?? []).map((programme) => ({ id: programme.id, label: programme.name }))}
        />
      )}
      {needsSessions && props.programmeId && (
        <SelectInput control={props.control} name="targetId" label={props.kind === 'SESSION' ? words.session : words.series} isRequired options={targets} />
      )}
      {props.kind === 'FESTIVAL_EDITION' && (
        <SelectInput
          control={props.control}
          name="festivalEditionId"
          label={words.edition}
          isRequired
          options={(choices.data?.festivalEditions ?? []).map((edition) => ({ id: edition.id, label: edition.name }))}
        />
      )}
    </>
  );
}

/** The sessions ahead grouped by their series (sessions outside a series left out). */
function seriesOf<Session extends { seriesId?: string | null }>(sessions: readonly Session[]): Map<string, Session[]> {
  const series = new Map<string, Session[]>();
  for (const session of sessions) if (session.seriesId) series.set(session.seriesId, [...(series.get(session.seriesId) ?? []), session]);
  return series;
}
