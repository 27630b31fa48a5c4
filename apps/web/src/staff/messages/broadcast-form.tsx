import { useRef, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useSearch } from 'wouter';
import { request } from '../../graphql/client';
import { useStaffMutation } from '../data';
import { useStaffI18n } from '../staff-strings';
import { FormProblem, SubmitButton, TextInput } from '../ui/fields';
import { useStaffForm } from '../ui/use-staff-form';
import { AudienceFields } from './audience-fields';
import { BroadcastPlanTable } from './broadcast-plan';
import { API_FIELDS, broadcastSchema, type BroadcastValues, draftOf, newIdempotencyKey, TRANSLATION_LANGUAGES } from './broadcast-schema';
import { languageDirection, languageName } from './message-words';
import { BROADCAST_MESSAGE, BROADCAST_PLAN, type BroadcastPlan } from './queries';

const EMPTY_TRANSLATIONS = Object.fromEntries(TRANSLATION_LANGUAGES.map((language) => [language, '']));

/**
 * Write the Dutch text and any translations, see who will get what, then send after confirming.
 * One idempotency key per broadcast: a second click or a retry sends nothing more.
 */
export function BroadcastForm() {
  const { s, format } = useStaffI18n();
  const words = s.messages.broadcast;
  const editionId = new URLSearchParams(useSearch()).get('festivalEditionId') ?? '';
  const send = useStaffMutation(BROADCAST_MESSAGE);
  const key = useRef(newIdempotencyKey());
  const [plan, setPlan] = useState<BroadcastPlan | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const form = useStaffForm({
    schema: broadcastSchema,
    defaultValues: {
      audienceKind: editionId ? 'FESTIVAL_EDITION' : '',
      programmeId: '',
      targetId: '',
      festivalEditionId: editionId,
      text: '',
      translations: EMPTY_TRANSLATIONS,
    },
    apiFields: API_FIELDS as never,
  });
  const kind = form.watch('audienceKind');
  const programmeId = form.watch('programmeId');
  const check = form.submit(async (values: BroadcastValues) => {
    setSent(null);
    const { broadcastPlan } = await request(BROADCAST_PLAN, { input: draftOf(values) });
    setPlan(broadcastPlan);
  });
  const confirm = form.submit(async (values: BroadcastValues) => {
    try {
      const { broadcastMessage } = await send.mutateAsync({ input: { ...draftOf(values), idempotencyKey: key.current } });
      key.current = newIdempotencyKey();
      setSent(broadcastMessage.smsCount + broadcastMessage.emailCount);
      form.reset({ ...values, text: '', translations: EMPTY_TRANSLATIONS });
    } finally {
      setPlan(null);
    }
  });
  return (
    <form noValidate onSubmit={check} className="messages__broadcast">
      <FormProblem control={form.control} />
      <AudienceFields control={form.control} kind={kind} programmeId={programmeId} />
      <TextInput control={form.control} name="text" label={words.text} description={words.textHint} multiline isRequired />
      <details className="messages__translations">
        <summary>{words.translations}</summary>
        <p className="field__hint">{words.translationsHint}</p>
        {TRANSLATION_LANGUAGES.map((language) => (
          <div key={language} lang={language} dir={languageDirection(language)}>
            <TextInput control={form.control} name={`translations.${language}`} label={languageName(language)} multiline />
          </div>
        ))}
      </details>
      <SubmitButton control={form.control}>{words.check}</SubmitButton>
      <p role="status">{sent === null ? '' : format(words.sent, { count: sent })}</p>
      <ModalOverlay className="modal-overlay" isDismissable isOpen={plan !== null} onOpenChange={(open) => !open && setPlan(null)}>
        <Modal className="modal">
          <Dialog className="modal__dialog">
            {({ close }) => (
              <>
                <Heading slot="title">{words.planTitle}</Heading>
                {plan && <BroadcastPlanTable plan={plan} />}
                <Button className="button" isDisabled={send.isPending || plan?.reached === 0} onPress={() => void confirm()}>
                  {send.isPending ? words.sending : words.send}
                </Button>
                <Button className="button--secondary modal__close" onPress={close}>
                  {s.common.actions.cancel}
                </Button>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </form>
  );
}
