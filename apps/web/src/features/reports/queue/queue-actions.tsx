import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportCategory } from '@onecity/contracts';
import { currentLocale } from '../../../app/i18n/index.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { SelectField } from '../../../components/select-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { TextareaField } from '../../../components/textarea-field.tsx';
import { useFormSubmit } from '../../../components/use-form-submit.ts';
import { PhotoPicker } from '../photo-picker.tsx';
import { usePhotoUploads } from '../photo-uploads.ts';
import { actOnReport, revealReporter, type QueueItem, type ReportAction } from '../reports.api.ts';
import type { QueueActionType } from './queue-rules.ts';
import { UnitCodeField } from './unit-code-field.tsx';
import { insertTemplate, templatesFor } from './response-templates.ts';

const REPORT_CODE = /^PA-[0-9]{6}-[0-9]{4,}$/;
const ACTION_FIELDS = ['unitCode', 'reason', 'answer', 'intoCode', 'workingDays', 'photoIds', 'officerId'] as const;
type ActionField = (typeof ACTION_FIELDS)[number];

type ActionProps = { item: QueueItem; onDone: (message: string) => void };

/**
 * The actions offered on one report of the queue. "Take" happens at once; the others open their form below
 * the buttons (one at a time), each with the fields the API needs and its errors.
 */
export function QueueActions({
  item,
  actions,
  category,
  unitListId,
  officers,
  onDone,
}: {
  item: QueueItem;
  actions: readonly QueueActionType[];
  category: ReportCategory | undefined;
  /** The id of a <datalist> of unit codes, for the unit inputs. */
  unitListId: string;
  /** The officers of the report's unit, when the viewer may assign it by name (leads, IOC). */
  officers?: readonly { id: string; fullName: string }[] | undefined;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<QueueActionType | undefined>(undefined);
  const take = useFormSubmit(ACTION_FIELDS);
  if (actions.length === 0) return null;
  const done = (message: string) => {
    setOpen(undefined);
    onDone(message);
  };
  const formId = (action: QueueActionType) => `queue-${item.code}-${action}`;

  return (
    <div className="queue-actions">
      <ErrorAlert error={take.error} />
      <div className="queue-actions__buttons" role="group" aria-label={t('reports.queue.actionsFor', { code: item.code })}>
        {actions.map((action) =>
          action === 'take' ? (
            <button
              key={action}
              type="button"
              className="button button--primary"
              disabled={take.isSubmitting}
              onClick={() =>
                void take.submit(() => actOnReport(item.code, { type: 'take' })).then((result) => {
                  if (result.ok) done(t('reports.queue.done.take', { code: item.code }));
                })
              }
            >
              {t('reports.queue.actions.take')}
            </button>
          ) : (
            <button
              key={action}
              type="button"
              className="button button--secondary"
              aria-expanded={open === action}
              aria-controls={open === action ? formId(action) : undefined}
              onClick={() => setOpen((current) => (current === action ? undefined : action))}
            >
              {t(`reports.queue.actions.${action}`)}
            </button>
          ),
        )}
      </div>
      {officers !== undefined && officers.length > 0 && <AssignOfficerForm item={item} officers={officers} onDone={done} />}
      {open !== undefined && (
        <div id={formId(open)} className="queue-actions__form">
          {open === 'resolve' && <ResolveForm item={item} category={category} onDone={done} />}
          {(open === 'accept' || open === 'transfer') && <UnitForm item={item} type={open} unitListId={unitListId} onDone={done} />}
          {(open === 'reject' || open === 'return_to_triage' || open === 'reveal_reporter') && <ReasonForm item={item} type={open} onDone={done} />}
          {open === 'merge' && <MergeForm item={item} onDone={done} />}
          {open === 'request_extension' && <ExtensionRequestForm item={item} onDone={done} />}
          {open === 'decide_extension' && <ExtensionDecisionForm item={item} onDone={done} />}
        </div>
      )}
    </div>
  );
}

/** A form that sends one action and reports success; `check` returns field errors found before sending. */
function ActionForm({
  title,
  submitLabel,
  check,
  send,
  successMessage,
  onDone,
  children,
}: {
  title: string;
  submitLabel: string;
  check: () => Partial<Record<ActionField, string>>;
  send: () => Promise<unknown>;
  successMessage: string;
  onDone: (message: string) => void;
  children: (errorFor: (field: ActionField) => string | undefined) => ReactNode;
}) {
  const request = useFormSubmit(ACTION_FIELDS);
  const [errors, setErrors] = useState<Partial<Record<ActionField, string>>>({});
  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const result = await request.submit(send);
    if (result.ok) onDone(successMessage);
  }
  const errorFor = (field: ActionField) => errors[field] ?? request.serverFieldErrors[field];
  return (
    <form className="form" noValidate onSubmit={(event) => void handleSubmit(event)} aria-label={title}>
      <ErrorAlert error={request.error} />
      {children(errorFor)}
      <button type="submit" className="button button--primary" disabled={request.isSubmitting}>
        {submitLabel}
      </button>
    </form>
  );
}

/** Leads and the IOC hand a report to a named officer of its unit ("take" on their behalf). */
function AssignOfficerForm({ item, officers, onDone }: ActionProps & { officers: readonly { id: string; fullName: string }[] }) {
  const { t } = useTranslation();
  const [officerId, setOfficerId] = useState('');
  const name = officers.find((officer) => officer.id === officerId)?.fullName ?? '';
  return (
    <ActionForm
      title={t('reports.queue.assign.officer')}
      submitLabel={t('reports.queue.assign.submit')}
      successMessage={t('reports.queue.assign.done', { code: item.code, name })}
      onDone={onDone}
      check={() => ({ officerId: officerId === '' ? t('validation.required') : undefined })}
      send={() => actOnReport(item.code, { type: 'take', officerId })}
    >
      {(errorFor) => (
        <SelectField
          label={t('reports.queue.assign.officer')}
          placeholder={t('reports.queue.assign.choose')}
          options={officers.map((officer) => ({ value: officer.id, label: officer.fullName }))}
          value={officerId}
          onChange={(event) => setOfficerId(event.target.value)}
          error={errorFor('officerId')}
        />
      )}
    </ActionForm>
  );
}

function ResolveForm({ item, category, onDone }: ActionProps & { category: ReportCategory | undefined }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('');
  const [templateKey, setTemplateKey] = useState('');
  const photos = usePhotoUploads('after');
  const templates = templatesFor(item.category.code);
  const isPhotoRequired = category?.isAfterPhotoRequired ?? true;
  return (
    <ActionForm
      title={t('reports.queue.actions.resolve')}
      submitLabel={t('reports.queue.submit.resolve')}
      successMessage={t('reports.queue.done.resolve', { code: item.code })}
      onDone={onDone}
      check={() => ({
        answer: answer.trim() === '' ? t('reports.validation.answer') : undefined,
        photoIds: photos.isUploading
          ? t('reports.validation.photosUploading')
          : photos.hasFailed
            ? t('reports.validation.photosFailed')
            : isPhotoRequired && photos.photoIds.length === 0
              ? t('reports.validation.afterPhotoRequired')
              : undefined,
      })}
      send={() => actOnReport(item.code, { type: 'resolve', answer: answer.trim(), ...(photos.photoIds.length > 0 ? { photoIds: [...photos.photoIds] } : {}) })}
    >
      {(errorFor) => (
        <>
          <div className="template-picker">
            <SelectField
              label={t('reports.queue.template')}
              placeholder={t('reports.form.choose')}
              options={templates.map((template) => ({ value: template.key, label: t(`reports.templates.${template.key}`) }))}
              value={templateKey}
              onChange={(event) => setTemplateKey(event.target.value)}
            />
            <button
              type="button"
              className="button button--secondary"
              disabled={templateKey === ''}
              onClick={() => {
                const template = templates.find((candidate) => candidate.key === templateKey);
                if (template) setAnswer((current) => insertTemplate(current, template.text));
              }}
            >
              {t('reports.queue.insertTemplate')}
            </button>
          </div>
          <TextareaField
            label={t('reports.queue.answer')}
            hint={t('reports.queue.answerHint')}
            required
            rows={6}
            maxLength={4000}
            value={answer}
            onChange={(event) => setAnswer(event.target.value)}
            error={errorFor('answer')}
          />
          <PhotoPicker
            legend={t('reports.photos.afterTitle')}
            hint={isPhotoRequired ? t('reports.photos.afterHintRequired') : t('reports.photos.afterHint')}
            entries={photos.entries}
            rejected={photos.rejected}
            error={errorFor('photoIds')}
            onAdd={photos.add}
            onRemove={photos.remove}
            onRetry={photos.retry}
          />
        </>
      )}
    </ActionForm>
  );
}

function UnitForm({ item, type, unitListId, onDone }: ActionProps & { type: 'accept' | 'transfer'; unitListId: string }) {
  const { t } = useTranslation();
  const [unitCode, setUnitCode] = useState('');
  const [reason, setReason] = useState('');
  const action = (): ReportAction =>
    type === 'accept' ? { type, unitCode: unitCode.trim() } : { type, unitCode: unitCode.trim(), reason: reason.trim() };
  return (
    <ActionForm
      title={t(`reports.queue.actions.${type}`)}
      submitLabel={t(`reports.queue.submit.${type}`)}
      successMessage={t(`reports.queue.done.${type}`, { code: item.code, unit: unitCode.trim() })}
      onDone={onDone}
      check={() => ({
        unitCode: unitCode.trim() === '' ? t('validation.required') : undefined,
        reason: type === 'transfer' && reason.trim() === '' ? t('reports.validation.reason') : undefined,
      })}
      send={() => actOnReport(item.code, action())}
    >
      {(errorFor) => (
        <>
          <UnitCodeField unitListId={unitListId} value={unitCode} onChange={setUnitCode} error={errorFor('unitCode')} />
          {type === 'transfer' && (
            <TextareaField label={t('reports.queue.reason')} required rows={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} error={errorFor('reason')} />
          )}
        </>
      )}
    </ActionForm>
  );
}

function ReasonForm({ item, type, onDone }: ActionProps & { type: 'reject' | 'return_to_triage' | 'reveal_reporter' }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  // Revealing a reporter needs a stated purpose of at least five characters (the API's rule), as it is audited.
  const minimum = type === 'reveal_reporter' ? 5 : 1;
  return (
    <ActionForm
      title={t(`reports.queue.actions.${type}`)}
      submitLabel={t(`reports.queue.submit.${type}`)}
      successMessage={t(`reports.queue.done.${type}`, { code: item.code })}
      onDone={onDone}
      check={() => ({ reason: reason.trim().length < minimum ? t('reports.validation.reason') : undefined })}
      send={() => (type === 'reveal_reporter' ? revealReporter(item.code, reason.trim()) : actOnReport(item.code, { type, reason: reason.trim() }))}
    >
      {(errorFor) => (
        <TextareaField
          label={t('reports.queue.reason')}
          hint={type === 'reveal_reporter' ? t('reports.queue.revealHint') : type === 'reject' ? t('reports.queue.rejectHint') : undefined}
          required
          rows={3}
          maxLength={type === 'reveal_reporter' ? 1000 : 2000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={errorFor('reason')}
        />
      )}
    </ActionForm>
  );
}

function MergeForm({ item, onDone }: ActionProps) {
  const { t } = useTranslation();
  const [intoCode, setIntoCode] = useState('');
  return (
    <ActionForm
      title={t('reports.queue.actions.merge')}
      submitLabel={t('reports.queue.submit.merge')}
      successMessage={t('reports.queue.done.merge', { code: item.code, into: intoCode.trim() })}
      onDone={onDone}
      check={() => ({
        intoCode: !REPORT_CODE.test(intoCode.trim()) ? t('reports.validation.reportCode') : intoCode.trim() === item.code ? t('reports.validation.mergeSelf') : undefined,
      })}
      send={() => actOnReport(item.code, { type: 'merge', intoCode: intoCode.trim() })}
    >
      {(errorFor) => (
        <TextField
          label={t('reports.queue.intoCode')}
          hint={t('reports.queue.intoCodeHint')}
          autoCapitalize="characters"
          spellCheck={false}
          required
          value={intoCode}
          onChange={(event) => setIntoCode(event.target.value.toUpperCase())}
          error={errorFor('intoCode')}
        />
      )}
    </ActionForm>
  );
}

function ExtensionRequestForm({ item, onDone }: ActionProps) {
  const { t } = useTranslation();
  const [workingDays, setWorkingDays] = useState('');
  const [reason, setReason] = useState('');
  const days = Number(workingDays);
  return (
    <ActionForm
      title={t('reports.queue.actions.request_extension')}
      submitLabel={t('reports.queue.submit.request_extension')}
      successMessage={t('reports.queue.done.request_extension', { code: item.code })}
      onDone={onDone}
      check={() => ({
        workingDays: Number.isInteger(days) && days >= 1 && days <= 30 ? undefined : t('reports.validation.workingDays', { min: 1, max: 30 }),
        reason: reason.trim() === '' ? t('reports.validation.reason') : undefined,
      })}
      send={() => actOnReport(item.code, { type: 'request_extension', workingDays: days, reason: reason.trim() })}
    >
      {(errorFor) => (
        <>
          <TextField
            label={t('reports.queue.workingDays')}
            inputMode="numeric"
            required
            value={workingDays}
            onChange={(event) => setWorkingDays(event.target.value.replace(/\D/g, ''))}
            error={errorFor('workingDays')}
          />
          <TextareaField label={t('reports.queue.reason')} required rows={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} error={errorFor('reason')} />
        </>
      )}
    </ActionForm>
  );
}

function ExtensionDecisionForm({ item, onDone }: ActionProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [reason, setReason] = useState('');
  const [approve, setApprove] = useState(true);
  const pending = item.pendingExtension;
  return (
    <ActionForm
      title={t('reports.queue.actions.decide_extension')}
      submitLabel={approve ? t('reports.queue.submit.approveExtension') : t('reports.queue.submit.refuseExtension')}
      successMessage={t(approve ? 'reports.queue.done.approveExtension' : 'reports.queue.done.refuseExtension', { code: item.code })}
      onDone={onDone}
      check={() => ({ reason: !approve && reason.trim() === '' ? t('reports.validation.reason') : undefined })}
      send={() => actOnReport(item.code, { type: 'decide_extension', approve, ...(reason.trim() ? { reason: reason.trim() } : {}) })}
    >
      {(errorFor) => (
        <>
          {pending && <p>{t('reports.queue.pendingExtension', { date: formatDateTime(pending.proposedDueAt, locale), reason: pending.reason })}</p>}
          <fieldset className="fieldset">
            <legend className="fieldset__legend">{t('reports.queue.decision')}</legend>
            {[true, false].map((value) => (
              <div key={String(value)} className="choice">
                <input
                  id={`decision-${item.code}-${value}`}
                  type="radio"
                  className="choice__input"
                  name={`decision-${item.code}`}
                  checked={approve === value}
                  onChange={() => setApprove(value)}
                />
                <label htmlFor={`decision-${item.code}-${value}`} className="choice__label">
                  <span className="choice__title">{value ? t('reports.queue.approve') : t('reports.queue.refuse')}</span>
                </label>
              </div>
            ))}
          </fieldset>
          <TextareaField
            label={approve ? `${t('reports.queue.reason')} ${t('reports.form.optional')}` : t('reports.queue.reason')}
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={errorFor('reason')}
          />
        </>
      )}
    </ActionForm>
  );
}
