import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, DossierDetail } from '@onecity/contracts';
import { ApiError, normaliseFieldName } from '../../../app/api.ts';
import { currentLocale } from '../../../app/i18n/index.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDate } from '../../../components/format.ts';
import { LoadingState } from '../../../components/loading-state.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { TextareaField } from '../../../components/textarea-field.tsx';
import { useApiResource } from '../../../components/use-api-resource.ts';
import { useFormSubmit } from '../../../components/use-form-submit.ts';
import { nameIn } from '../../reports/report-bits.tsx';
import { cityDate, isIsoDate, offeredActions } from './dossier-rules.ts';
import { actOnDossier, officersPath, type Officer, type StaffAction, type StaffActionType } from './dossiers.api.ts';

const ACTION_FIELDS = ['note', 'reason', 'officerId', 'agencyCode', 'items', 'reference', 'newAppointmentDate'] as const;
type ActionField = (typeof ACTION_FIELDS)[number];
type Errors = Partial<Record<ActionField, string>>;
type Done = (dossier: DossierDetail | undefined, message: string) => void;
type FormProps = { dossier: DossierDetail; onDone: Done };

/**
 * The actions panel of a dossier: one button per action the API allows the viewer now (`allowedActions`), each
 * opening its form below (one at a time). Every form posts to /dossiers/{code}/actions and shows the API's errors.
 */
export function DossierActions({ dossier, agencies, onDone }: { dossier: DossierDetail; agencies: readonly Agency[]; onDone: Done }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<StaffActionType | undefined>(undefined);
  const actions = offeredActions(dossier.allowedActions);
  const formId = useId();
  const current = open !== undefined && actions.includes(open) ? open : undefined;
  const done: Done = (updated, message) => {
    setOpen(undefined);
    onDone(updated, message);
  };
  const props = { dossier, onDone: done };
  return (
    <section className="dossier-actions" aria-labelledby="dossier-actions-title">
      <h2 id="dossier-actions-title">{t('dossierConsole.actions.title')}</h2>
      {actions.length === 0 ? (
        <p>{t('dossierConsole.actions.none')}</p>
      ) : (
        <>
          <div className="queue-actions__buttons" role="group" aria-label={t('dossierConsole.actions.group', { code: dossier.code })}>
            {actions.map((action) => (
              <button
                key={action}
                type="button"
                className={action === 'reject' || action === 'stop' ? 'button button--danger' : 'button button--secondary'}
                aria-expanded={current === action}
                aria-controls={current === action ? formId : undefined}
                onClick={() => setOpen((value) => (value === action ? undefined : action))}
              >
                {t(`dossierConsole.actions.${action}`)}
              </button>
            ))}
          </div>
          {current !== undefined && (
            <div id={formId} className="queue-actions__form">
              {(current === 'accept' || current === 'forward' || current === 'approve' || current === 'deliver') && <NoteForm key={current} type={current} {...props} />}
              {(current === 'reject' || current === 'send_back' || current === 'stop') && <ReasonForm key={current} type={current} {...props} />}
              {current === 'assign' && <AssignForm {...props} />}
              {current === 'transfer' && <TransferForm agencies={agencies} {...props} />}
              {current === 'request_supplement' && <SupplementForm {...props} />}
              {current === 'record_payment' && <PaymentForm {...props} />}
              {current === 'issue_apology' && <ApologyForm {...props} />}
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** The API's error: its localised detail, and the field errors no field of this form shows. */
function ActionError({ error, shownFields }: { error: unknown; shownFields: readonly ActionField[] }) {
  const others = error instanceof ApiError ? (error.problem.errors ?? []).filter((entry) => !(shownFields as readonly string[]).includes(normaliseFieldName(entry.field))) : [];
  return (
    <ErrorAlert error={error}>
      {others.length > 0 && (
        <ul>
          {others.map((entry, index) => (
            <li key={index}>{entry.message}</li>
          ))}
        </ul>
      )}
    </ErrorAlert>
  );
}

/** A form that sends one action; `check` returns the errors found before sending. */
function ActionForm({
  type,
  dossier,
  fields,
  hint,
  check,
  action,
  successMessage,
  onDone,
  children,
}: FormProps & {
  type: StaffActionType;
  fields: readonly ActionField[];
  hint?: string | undefined;
  check: () => Errors;
  action: () => StaffAction;
  successMessage: () => string;
  children: (errorFor: (field: ActionField) => string | undefined) => ReactNode;
}) {
  const { t } = useTranslation();
  const request = useFormSubmit(ACTION_FIELDS);
  const [errors, setErrors] = useState<Errors>({});
  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const found = check();
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      // After React has drawn the errors, so the field is marked invalid when it takes focus.
      window.setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    const result = await request.submit(() => actOnDossier(dossier.code, action()));
    if (result.ok) onDone(result.value, successMessage());
  }
  const errorFor = (field: ActionField) => errors[field] ?? request.serverFieldErrors[field];
  return (
    <form className="form" noValidate aria-label={t(`dossierConsole.actions.${type}`)} onSubmit={(event) => void handleSubmit(event)}>
      <ActionError error={request.error} shownFields={fields} />
      {hint && <p className="note">{hint}</p>}
      {children(errorFor)}
      <button type="submit" className={type === 'reject' || type === 'stop' ? 'button button--danger' : 'button button--primary'} disabled={request.isSubmitting}>
        {t(`dossierConsole.submit.${type}`)}
      </button>
    </form>
  );
}

const optionalNote = (note: string) => (note.trim() === '' ? {} : { note: note.trim() });

function NoteForm({ type, dossier, onDone }: FormProps & { type: 'accept' | 'forward' | 'approve' | 'deliver' }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <ActionForm
      type={type}
      dossier={dossier}
      onDone={onDone}
      fields={['note']}
      hint={type === 'approve' ? t('dossierConsole.hints.approve') : undefined}
      check={() => ({})}
      action={() => ({ type, ...optionalNote(note) })}
      successMessage={() => t(`dossierConsole.done.${type}`, { code: dossier.code })}
    >
      {(errorFor) => <TextareaField label={t('dossierConsole.fields.note')} rows={3} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} error={errorFor('note')} />}
    </ActionForm>
  );
}

function ReasonForm({ type, dossier, onDone }: FormProps & { type: 'reject' | 'send_back' | 'stop' }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      type={type}
      dossier={dossier}
      onDone={onDone}
      fields={['reason']}
      hint={t(`dossierConsole.hints.${type}`)}
      check={() => ({ reason: reason.trim() === '' ? t('dossierConsole.validation.reason') : undefined })}
      action={() => ({ type, reason: reason.trim() })}
      successMessage={() => t(`dossierConsole.done.${type}`, { code: dossier.code })}
    >
      {(errorFor) => <TextareaField label={t('dossierConsole.fields.reason')} required rows={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} error={errorFor('reason')} />}
    </ActionForm>
  );
}

function AssignForm({ dossier, onDone }: FormProps) {
  const { t } = useTranslation();
  const [officers, reload] = useApiResource<{ items: Officer[] }>(officersPath(dossier.code));
  const [officerId, setOfficerId] = useState('');
  if (officers.status === 'loading') return <LoadingState />;
  if (officers.status === 'error') {
    return (
      <ErrorAlert error={officers.error}>
        <button type="button" className="button button--secondary" onClick={reload}>
          {t('common.retry')}
        </button>
      </ErrorAlert>
    );
  }
  const list = officers.data.items;
  if (list.length === 0) return <p>{t('dossierConsole.fields.noOfficers')}</p>;
  return (
    <ActionForm
      type="assign"
      dossier={dossier}
      onDone={onDone}
      fields={['officerId']}
      check={() => ({ officerId: officerId === '' ? t('dossierConsole.validation.officer') : undefined })}
      action={() => ({ type: 'assign', officerId })}
      successMessage={() => t('dossierConsole.done.assign', { code: dossier.code, name: list.find((officer) => officer.id === officerId)?.fullName ?? '' })}
    >
      {(errorFor) => (
        <SelectField
          label={t('dossierConsole.fields.officer')}
          placeholder={t('dossierConsole.fields.chooseOfficer')}
          options={list.map((officer) => ({ value: officer.id, label: officer.fullName }))}
          value={officerId}
          onChange={(event) => setOfficerId(event.target.value)}
          error={errorFor('officerId')}
        />
      )}
    </ActionForm>
  );
}

function TransferForm({ dossier, agencies, onDone }: FormProps & { agencies: readonly Agency[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const listId = useId();
  const [agencyCode, setAgencyCode] = useState('');
  const [reason, setReason] = useState('');
  const code = agencyCode.trim();
  const agency = agencies.find((candidate) => candidate.code === code);
  return (
    <ActionForm
      type="transfer"
      dossier={dossier}
      onDone={onDone}
      fields={['agencyCode', 'reason']}
      hint={t('dossierConsole.hints.transfer')}
      check={() => ({
        agencyCode: code === '' ? t('dossierConsole.validation.agencyCode') : undefined,
        reason: reason.trim() === '' ? t('dossierConsole.validation.reason') : undefined,
      })}
      action={() => ({ type: 'transfer', agencyCode: code, reason: reason.trim() })}
      successMessage={() => t('dossierConsole.done.transfer', { code: dossier.code, agency: agency ? nameIn(locale, agency) : code })}
    >
      {(errorFor) => (
        <>
          <TextField
            label={t('dossierConsole.fields.agencyCode')}
            hint={t('dossierConsole.fields.agencyCodeHint')}
            list={listId}
            autoCapitalize="characters"
            spellCheck={false}
            required
            maxLength={40}
            value={agencyCode}
            onChange={(event) => setAgencyCode(event.target.value.toUpperCase())}
            error={errorFor('agencyCode')}
          />
          <datalist id={listId}>
            {agencies.map((candidate) => (
              <option key={candidate.code} value={candidate.code}>
                {nameIn(locale, candidate)}
              </option>
            ))}
          </datalist>
          <TextareaField label={t('dossierConsole.fields.reason')} required rows={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} error={errorFor('reason')} />
        </>
      )}
    </ActionForm>
  );
}

/**
 * One request listing everything missing: ticked components of the procedure (with what is wrong, the component's
 * name when left empty) and free-text items. The law allows one request; a second one counts the dossier as late.
 */
function SupplementForm({ dossier, onDone }: FormProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [details, setDetails] = useState<Readonly<Record<string, string>>>({});
  const [others, setOthers] = useState<readonly string[]>(['']);
  const [note, setNote] = useState('');
  const idPrefix = useId();
  const items = () => [
    ...dossier.components
      .filter((component) => checked.has(component.code))
      .map((component) => ({ componentCode: component.code, text: (details[component.code] ?? '').trim() || component.nameVi })),
    ...others.map((text) => text.trim()).filter((text) => text !== '').map((text) => ({ componentCode: null, text })),
  ];
  const toggle = (code: string, isChecked: boolean) =>
    setChecked((current) => {
      const next = new Set(current);
      if (isChecked) next.add(code);
      else next.delete(code);
      return next;
    });
  const previous = dossier.supplementRequests.length;
  return (
    <ActionForm
      type="request_supplement"
      dossier={dossier}
      onDone={onDone}
      fields={['items', 'note']}
      check={() => ({ items: items().length === 0 ? t('dossierConsole.supplement.needItem') : undefined })}
      action={() => ({ type: 'request_supplement', items: items(), ...optionalNote(note) })}
      successMessage={() => t('dossierConsole.done.request_supplement', { code: dossier.code })}
    >
      {(errorFor) => {
        const itemsError = errorFor('items');
        return (
          <>
            <div className="alert alert--info">
              <p>{t('dossierConsole.supplement.law')}</p>
              {previous > 0 && <p>{t('dossierConsole.supplement.repeat', { count: previous })}</p>}
            </div>
            <fieldset className={itemsError ? 'fieldset fieldset--invalid' : 'fieldset'} aria-describedby={itemsError ? `${idPrefix}-items-error` : undefined}>
              <legend className="fieldset__legend">{t('dossierConsole.supplement.components')}</legend>
              {itemsError && (
                <p className="field__error" id={`${idPrefix}-items-error`}>
                  {itemsError}
                </p>
              )}
              <ul className="dossier-supplement-items">
                {dossier.components.map((component) => {
                  const id = `${idPrefix}-${component.code}`;
                  const name = nameIn(locale, component);
                  return (
                    <li key={component.code}>
                      <div className="checkbox">
                        <input id={id} type="checkbox" checked={checked.has(component.code)} aria-invalid={itemsError ? true : undefined} onChange={(event) => toggle(component.code, event.target.checked)} />
                        <label htmlFor={id}>{name}</label>
                      </div>
                      {checked.has(component.code) && (
                        <TextField
                          label={t('dossierConsole.supplement.detail', { name })}
                          maxLength={1000}
                          value={details[component.code] ?? ''}
                          onChange={(event) => setDetails((current) => ({ ...current, [component.code]: event.target.value }))}
                        />
                      )}
                    </li>
                  );
                })}
              </ul>
            </fieldset>
            <fieldset className="fieldset">
              <legend className="fieldset__legend">{t('dossierConsole.supplement.others')}</legend>
              <ul className="dossier-supplement-items">
                {others.map((text, index) => (
                  <li key={index}>
                    <TextField
                      label={t('dossierConsole.supplement.other', { index: index + 1 })}
                      maxLength={1000}
                      value={text}
                      onChange={(event) => setOthers((current) => current.map((value, position) => (position === index ? event.target.value : value)))}
                      addon={
                        others.length > 1 ? (
                          <button type="button" className="button button--secondary" onClick={() => setOthers((current) => current.filter((_value, position) => position !== index))}>
                            {t('dossierConsole.supplement.remove', { index: index + 1 })}
                          </button>
                        ) : undefined
                      }
                    />
                  </li>
                ))}
              </ul>
              {others.length < 30 && (
                <button type="button" className="button button--secondary" onClick={() => setOthers((current) => [...current, ''])}>
                  {t('dossierConsole.supplement.add')}
                </button>
              )}
            </fieldset>
            <TextareaField label={t('dossierConsole.fields.note')} rows={3} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} error={errorFor('note')} />
          </>
        );
      }}
    </ActionForm>
  );
}

function PaymentForm({ dossier, onDone }: FormProps) {
  const { t } = useTranslation();
  const [reference, setReference] = useState('');
  return (
    <ActionForm
      type="record_payment"
      dossier={dossier}
      onDone={onDone}
      fields={['reference']}
      check={() => ({ reference: reference.trim() === '' ? t('dossierConsole.validation.reference') : undefined })}
      action={() => ({ type: 'record_payment', reference: reference.trim() })}
      successMessage={() => t('dossierConsole.done.record_payment', { code: dossier.code })}
    >
      {(errorFor) => (
        <TextField label={t('dossierConsole.fields.reference')} required maxLength={100} spellCheck={false} value={reference} onChange={(event) => setReference(event.target.value)} error={errorFor('reference')} />
      )}
    </ActionForm>
  );
}

function ApologyForm({ dossier, onDone }: FormProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      type="issue_apology"
      dossier={dossier}
      onDone={onDone}
      fields={['newAppointmentDate', 'reason']}
      hint={t('dossierConsole.hints.issue_apology')}
      check={() => ({
        // The API also wants a working day; its holiday calendar decides that, and its field error shows here.
        newAppointmentDate: !isIsoDate(date) ? t('dossierConsole.validation.date') : date <= cityDate(new Date()) ? t('dossierConsole.validation.dateAfter') : undefined,
        reason: reason.trim() === '' ? t('dossierConsole.validation.reason') : undefined,
      })}
      action={() => ({ type: 'issue_apology', newAppointmentDate: date, reason: reason.trim() })}
      successMessage={() => t('dossierConsole.done.issue_apology', { code: dossier.code })}
    >
      {(errorFor) => (
        <>
          <TextField
            label={t('dossierConsole.fields.newAppointmentDate')}
            hint={t('dossierConsole.fields.newAppointmentDateHint', { date: formatDate(dossier.appointmentDate, locale) })}
            type="date"
            required
            value={date} onChange={(event) => setDate(event.target.value)} error={errorFor('newAppointmentDate')} />
          <TextareaField label={t('dossierConsole.fields.reason')} required rows={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} error={errorFor('reason')} />
        </>
      )}
    </ActionForm>
  );
}
