import { useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { useStaffQuery } from '../../data';
import { useStaffI18n } from '../../staff-strings';
import { useErrorText } from '../../ui/fields';
import { QueryStatus } from '../../ui/query-status';
import { fullName, PARTICIPANT_SEARCH } from './queries';

export interface PickedParticipant {
  id: string;
  name: string;
}

/** Searches the participants by name or phone so nobody is entered twice, and picks one. */
export function ParticipantPicker(props: { picked: PickedParticipant | null; error?: string; onPick(participant: PickedParticipant): void }) {
  const { s, format } = useStaffI18n();
  const t = s.picnik.newCase;
  const errorText = useErrorText();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  return (
    <section aria-labelledby="case-participant">
      <h2 id="case-participant">{t.participant}</h2>
      <form
        role="search"
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(typed.trim());
        }}
      >
        <TextField className="field" value={typed} onChange={setTyped} type="search">
          <Label>{t.search}</Label>
          <Input />
        </TextField>
        <Button type="submit" className="button--secondary">
          {t.searchButton}
        </Button>
      </form>
      {search && <Results search={search} onPick={props.onPick} />}
      <p role="status">{props.picked ? format(t.picked, { name: props.picked.name }) : ''}</p>
      {props.error && (
        <p className="field-error" role="alert" id="case-participant-error">
          {errorText(props.error) && t.pickFirst}
        </p>
      )}
    </section>
  );
}

function Results(props: { search: string; onPick(participant: PickedParticipant): void }) {
  const { s, format } = useStaffI18n();
  const t = s.picnik.newCase;
  const found = useStaffQuery(PARTICIPANT_SEARCH, { search: props.search });
  return (
    <QueryStatus query={found}>
      {(data) =>
        data.participants.length === 0 ? (
          <p>{t.noneFound}</p>
        ) : (
          <ul aria-label={t.results} className="case__follow-ups">
            {data.participants.map((participant) => {
              const name = fullName(participant);
              return (
                <li key={participant.id} className="case__follow-up">
                  {name}
                  {participant.phone ? ` · ${participant.phone}` : ''}{' '}
                  <Button className="button--secondary" aria-label={format(t.pickName, { name })} onPress={() => props.onPick({ id: participant.id, name })}>
                    {t.pick}
                  </Button>
                </li>
              );
            })}
          </ul>
        )
      }
    </QueryStatus>
  );
}
