import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../core/instrument';
import {
  MAX_FREE_TEXT,
  MAX_NICKNAME,
  WORKSHOP_PHASES,
  type ParticipantAction,
  type ParticipantState,
} from '../../core/workshop';
import { useKiosk } from '../kiosk/store';
import { Forget } from './Forget';
import { FreeText, sendable } from './FreeText';
import { savedWorkshop } from './saved';
import { KNOWN_REFUSALS, useWorkshop } from './store';

const phaseIndex = (state: ParticipantState): number => WORKSHOP_PHASES.indexOf(state.workshop.phase);

/** Whether the group's step gives the participant something to write (a case from step 2, a commitment in step 4). */
export const hasTask = (state: ParticipantState | null): boolean => state !== null && phaseIndex(state) >= 1;

/**
 * What a participant gives besides their answers, each saved on its own and confirmed by the hub's state: a screen
 * name (when the workshop allows it), a case from their own work (from step 2 on), one thing to try (in step 4), and
 * the way to take it all back, apart from the rest.
 */
export function Tasks() {
  const { t } = useTranslation();
  const state = useWorkshop((s) => s.state);
  const gone = useWorkshop((s) => s.gone);
  if (!state || gone) return null;
  const closed = state.workshop.closed;
  return (
    <section className="workshop-tasks" id="workshop-tasks" aria-labelledby="workshop-tasks-title" tabIndex={-1}>
      <h2 id="workshop-tasks-title">{t('workshopParticipant.tasks')}</h2>
      {phaseIndex(state) >= 3 && <CommitmentForm state={state} closed={closed} />}
      {phaseIndex(state) >= 1 && <CaseForm state={state} closed={closed} />}
      {state.workshop.nicknames && <NicknameForm state={state} closed={closed} />}
      <Forget />
    </section>
  );
}

type Status = 'idle' | 'sent' | 'offline';

/** Sends an action and remembers how it went, for the line under the form. */
function useSend(kind: ParticipantAction['kind']) {
  const act = useWorkshop((s) => s.act);
  const refusal = useWorkshop((s) => (s.refusal?.kind === kind ? s.refusal.reason : null));
  const [status, setStatus] = useState<Status>('idle');
  return {
    refusal,
    status,
    send: (action: ParticipantAction) => setStatus(act(action) ? 'sent' : 'offline'),
  };
}

/** The line under a form: refused, not connected, or saved once the hub's state shows it. */
function FormStatus({
  status,
  refusal,
  confirmed,
  note,
}: {
  status: Status;
  refusal: string | null;
  confirmed: boolean;
  note?: ReactNode;
}) {
  const { t } = useTranslation();
  let text: ReactNode = null;
  if (refusal !== null) {
    const reason = t(`workshopParticipant.refusals.${KNOWN_REFUSALS.includes(refusal) ? refusal : 'other'}`);
    text = t('workshopParticipant.refused', { reason });
  } else if (status === 'offline') text = t('workshopParticipant.notConnected');
  else if (status === 'sent' && confirmed) text = t('workshopParticipant.saved');
  return (
    <div className="form-status" role="status">
      {text}
      {confirmed && note ? <> {note}</> : null}
    </div>
  );
}

function NicknameForm({ state, closed }: { state: ParticipantState; closed: boolean }) {
  const { t } = useTranslation();
  const [optIn, setOptIn] = useState(false);
  const [draft, setDraft] = useState('');
  const { refusal, status, send } = useSend('nickname');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (draft.trim() && sendable(draft)) send({ kind: 'nickname', nickname: draft.trim() });
  };
  return (
    <form className="workshop-task nickname" onSubmit={submit} data-testid="nickname-form">
      <h3>{t('workshopParticipant.nickname.title')}</h3>
      <fieldset disabled={closed}>
        {state.nickname !== null ? (
          <>
            <p data-testid="nickname-shown">{t('workshopParticipant.nickname.shown', { nickname: state.nickname })}</p>
            <button type="button" className="secondary" onClick={() => send({ kind: 'nickname', nickname: null })}>
              {t('workshopParticipant.nickname.withdraw')}
            </button>
          </>
        ) : (
          <>
            <p data-testid="nickname-none">{t('workshopParticipant.nickname.none')}</p>
            <label className="check">
              <input type="checkbox" checked={optIn} onChange={(e) => setOptIn(e.target.checked)} />
              {t('workshopParticipant.nickname.optIn')}
            </label>
            <p className="help">{t('workshopParticipant.nickname.help')}</p>
            {optIn && (
              <>
                <FreeText
                  label={t('workshopParticipant.nickname.label', { max: MAX_NICKNAME })}
                  value={draft}
                  onChange={setDraft}
                  max={MAX_NICKNAME}
                  multiline={false}
                  testId="nickname"
                />
                <button className="primary" disabled={!draft.trim() || !sendable(draft)}>
                  {t('workshopParticipant.nickname.show')}
                </button>
              </>
            )}
          </>
        )}
      </fieldset>
      <FormStatus status={status} refusal={refusal} confirmed={false} />
    </form>
  );
}

function CaseForm({ state, closed }: { state: ParticipantState; closed: boolean }) {
  const { t } = useTranslation();
  const instrument = useKiosk((s) => s.instrument);
  const lang = useKiosk((s) => s.lang);
  const [text, setText] = useState(state.case?.text ?? '');
  const [asks, setAsks] = useState(state.case?.asks ?? '');
  const [share, setShare] = useState(state.case?.share ?? false);
  const { refusal, status, send } = useSend('case');
  const shared = share && text.trim() !== '';
  const confirmed =
    state.case !== null &&
    state.case.text === text.trim() &&
    state.case.asks === (asks || null) &&
    state.case.share === shared;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (sendable(text)) send({ kind: 'case', text: text.trim(), asks: asks || null, share: shared });
  };
  return (
    <form className="workshop-task case" onSubmit={submit} data-testid="case-form">
      <h3>{t('workshopParticipant.case.title')}</h3>
      <fieldset disabled={closed}>
        <FreeText
          label={t('workshopParticipant.case.label')}
          value={text}
          onChange={setText}
          max={MAX_FREE_TEXT}
          testId="case-text"
        />
        <label htmlFor="case-asks">{t('workshopParticipant.case.asks')}</label>
        <select id="case-asks" value={asks} onChange={(e) => setAsks(e.target.value)} data-testid="case-asks">
          <option value="">{t('workshopParticipant.case.dontKnow')}</option>
          {instrument?.types.map((type) => (
            <option key={type.id} value={type.id}>
              {localize(type.name, lang)}
            </option>
          ))}
        </select>
        <label className="check">
          <input
            type="checkbox"
            checked={shared}
            disabled={!text.trim()}
            onChange={(e) => setShare(e.target.checked)}
            data-testid="case-share"
          />
          {t('workshopParticipant.case.share')}
        </label>
        <button className="primary" disabled={!sendable(text)}>
          {t('workshopParticipant.case.save')}
        </button>
      </fieldset>
      <FormStatus
        status={status}
        refusal={refusal}
        confirmed={confirmed}
        note={t(state.case?.share ? 'workshopParticipant.case.sharedNote' : 'workshopParticipant.case.keptNote')}
      />
    </form>
  );
}

function CommitmentForm({ state, closed }: { state: ParticipantState; closed: boolean }) {
  const { t } = useTranslation();
  const kept = state.commitment ?? savedWorkshop.commitment();
  const [text, setText] = useState(kept?.text ?? '');
  const [share, setShare] = useState(kept?.share ?? false);
  const { refusal, status, send } = useSend('commitment');
  const shared = share && text.trim() !== '';
  const confirmed =
    state.commitment !== null && state.commitment.text === text.trim() && state.commitment.share === shared;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!sendable(text)) return;
    const commitment = { text: text.trim(), share: shared };
    // On this device at once, beside the result: it is the participant's take-away, whatever the hub does.
    savedWorkshop.keepCommitment(commitment.text ? commitment : null);
    useWorkshop.setState({ commitment: commitment.text ? commitment : null });
    send({ kind: 'commitment', ...commitment });
  };
  return (
    <form className="workshop-task commitment" onSubmit={submit} data-testid="commitment-form">
      <h3>{t('workshopParticipant.commitment.title')}</h3>
      <fieldset disabled={closed}>
        <FreeText
          label={t('workshopParticipant.commitment.label')}
          value={text}
          onChange={setText}
          max={MAX_FREE_TEXT}
          testId="commitment-text"
        />
        <label className="check">
          <input
            type="checkbox"
            checked={shared}
            disabled={!text.trim()}
            onChange={(e) => setShare(e.target.checked)}
            data-testid="commitment-share"
          />
          {t('workshopParticipant.commitment.share')}
        </label>
        <button className="primary" disabled={!sendable(text)}>
          {t('workshopParticipant.commitment.save')}
        </button>
      </fieldset>
      <FormStatus
        status={status}
        refusal={refusal}
        confirmed={confirmed}
        note={state.commitment?.share ? t('workshopParticipant.commitment.sharedNote') : undefined}
      />
    </form>
  );
}
