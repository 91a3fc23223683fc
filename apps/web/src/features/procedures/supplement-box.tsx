import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '@onecity/contracts';
import { ApiError } from '../../app/api.ts';
import { currentLocale } from '../../app/i18n/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { hasErrors, useFocusFirstInvalid } from '../../components/forms.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import { ComponentFilesField } from './component-files-field.tsx';
import { useComponentUploads, type ComponentFilesBody } from './component-uploads.ts';
import { placeDossierErrors, refineDossierProblem } from './dossier-errors.ts';
import { nameIn, withRequiredMark } from './procedure-format.ts';
import { actOnDossier, type SupplementRequest } from './procedures.api.ts';
import { SchemaForm, useSchemaForm } from './schema-form.tsx';

const NOTE_MAX = 2000;

/** The supplement request still waiting for the citizen, if any (the latest without a completion). */
export function openSupplementRequest(dossier: DossierDetail): SupplementRequest | undefined {
  return dossier.supplementRequests.findLast((request) => request.completedAt === null);
}

/**
 * Where the files of the answer go. A request item naming a component gets that component's files; an item
 * naming none ("bổ sung bản sao giấy chứng nhận ly hôn") gets its own upload, and the citizen says which
 * component the papers belong to (the API files every paper under a component of the procedure).
 */
type Slot = { key: string; componentCode: string | null; itemText?: string; number?: number };

function slotsOf(supplement: SupplementRequest): Slot[] {
  const slots: Slot[] = [];
  const seen = new Set<string>();
  supplement.items.forEach((item, index) => {
    if (item.componentCode === null) slots.push({ key: `item-${index}`, componentCode: null, itemText: item.text, number: index + 1 });
    else if (!seen.has(item.componentCode)) {
      seen.add(item.componentCode);
      slots.push({ key: item.componentCode, componentCode: item.componentCode });
    }
  });
  return slots;
}

/**
 * "Yêu cầu bổ sung giấy tờ": what the officer asked for, an upload for each requested paper, corrected form answers
 * when needed, a note, and sending it all back (complete_supplement). Without the action allowed, only the request
 * is shown. New files of a component replace its earlier ones, which the form says.
 */
export function SupplementBox({ dossier, onDone }: { dossier: DossierDetail; onDone: (dossier: DossierDetail) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const supplement = openSupplementRequest(dossier);
  const canComplete = dossier.allowedActions.includes('complete_supplement');
  const formRef = useRef<HTMLFormElement>(null);
  const uploads = useComponentUploads();
  const form = useSchemaForm(dossier.formSchema, dossier.formData);
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [isEditingForm, setIsEditingForm] = useState(false);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [failedAttempts, setFailedAttempts] = useState(0);
  const request = useFormSubmit(['note'] as const);
  useFocusFirstInvalid(formRef, failedAttempts);

  if (supplement === undefined) return null;
  const slots = slotsOf(supplement);
  const componentName = (code: string) => {
    const component = dossier.components.find((candidate) => candidate.code === code);
    return component ? nameIn(locale, component) : code;
  };
  const targetOf = (slot: Slot) => slot.componentCode ?? targets[slot.key] ?? '';
  const replacesHint = (code: string) => {
    const count = dossier.files.filter((file) => file.kind === 'component' && file.componentCode === code).length;
    return count > 0 ? t('procedures.supplement.replaces', { count }) : undefined;
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked: Record<string, string | undefined> = {};
    let fileCount = 0;
    for (const slot of slots) {
      const entries = uploads.stateOf(slot.key).entries;
      fileCount += uploads.uploadedCount(slot.key);
      if (entries.some((entry) => entry.status === 'uploading')) checked[slot.key] = t('procedures.validation.filesUploading');
      else if (entries.some((entry) => entry.status === 'failed')) checked[slot.key] = t('procedures.validation.filesFailed');
      else if (slot.componentCode !== null && uploads.uploadedCount(slot.key) === 0) checked[slot.key] = t('procedures.validation.fileRequired');
      else if (slot.componentCode === null && uploads.uploadedCount(slot.key) > 0 && !targets[slot.key]) checked[`target:${slot.key}`] = t('procedures.supplement.targetRequired');
    }
    const formCheck = isEditingForm ? form.validate() : undefined;
    if (fileCount === 0 && !isEditingForm) checked.general = t('procedures.supplement.nothingToSend');
    setErrors(checked);
    if (hasErrors(checked) || (formCheck && hasErrors(formCheck.errors))) {
      setFailedAttempts((count) => count + 1);
      return;
    }
    // Files of several slots for the same component travel together.
    const byCode = new Map<string, string[]>();
    for (const slot of slots) {
      const fileIds = uploads.stateOf(slot.key).entries.flatMap((entry) => (entry.status === 'uploaded' && entry.fileId ? [entry.fileId] : []));
      if (fileIds.length > 0) byCode.set(targetOf(slot), [...(byCode.get(targetOf(slot)) ?? []), ...fileIds]);
    }
    const components: ComponentFilesBody[] = [...byCode].map(([componentCode, fileIds]) => ({ componentCode, fileIds }));
    const text = note.trim();
    const result = await request.submit(() =>
      actOnDossier(dossier.code, { type: 'complete_supplement', components, ...(formCheck ? { formData: formCheck.data } : {}), ...(text ? { note: text } : {}) }),
    );
    if (result.ok) {
      onDone(result.value);
      return;
    }
    if (result.error instanceof ApiError) {
      const problem = refineDossierProblem(result.error.problem, {
        fileRequired: t('procedures.validation.fileRequired'),
        ward: t('procedures.validation.ward'),
        fileUnusable: (fileName) => t('procedures.validation.fileUnusable', { name: fileName }),
        locateFile: (fileId) => {
          const found = uploads.locateFile(fileId);
          const slot = slots.find((candidate) => candidate.key === found?.componentCode);
          return found && slot ? { componentCode: targetOf(slot), fileName: found.fileName } : undefined;
        },
      });
      const placed = placeDossierErrors(problem, components);
      const bySlot: Record<string, string | undefined> = {};
      for (const slot of slots) bySlot[slot.key] = placed.components[targetOf(slot)];
      setErrors({ ...bySlot, general: placed.componentsGeneral });
      form.setErrors(placed.formData);
    }
    setFailedAttempts((count) => count + 1);
  }

  return (
    <section className="card dossier-box dossier-box--attention" aria-labelledby="supplement-title">
      <h2 id="supplement-title">{t('procedures.supplement.title')}</h2>
      <p>
        {t('procedures.supplement.requestedAt', { time: formatDateTime(supplement.requestedAt, locale) })} {t('procedures.supplement.clockStopped', { date: formatDate(supplement.previousAppointmentDate, locale) })}
      </p>
      <h3>{t('procedures.supplement.itemsTitle')}</h3>
      <ol className="supplement-items">
        {supplement.items.map((item, index) => (
          <li key={`${item.componentCode ?? 'other'}-${index}`}>
            {item.componentCode !== null && <strong>{componentName(item.componentCode)}: </strong>}
            {item.text}
          </li>
        ))}
      </ol>
      {supplement.note && (
        <p>
          <strong>{t('procedures.supplement.noteFromStaff')}</strong> {supplement.note}
        </p>
      )}
      {canComplete ? (
        <form ref={formRef} className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
          <ErrorAlert error={request.error} />
          {errors.general && (
            <div className="alert alert--error" role="alert">
              <p>{errors.general}</p>
            </div>
          )}
          {slots.map((slot) => {
            const handlers = {
              state: uploads.stateOf(slot.key),
              error: errors[slot.key],
              onAdd: (files: File[]) => uploads.add(slot.key, files),
              onRemove: (localId: string) => uploads.remove(slot.key, localId),
              onRetry: (localId: string) => uploads.retry(slot.key, localId),
            };
            if (slot.componentCode !== null) {
              return <ComponentFilesField key={slot.key} name={componentName(slot.componentCode)} isRequired hint={replacesHint(slot.componentCode)} {...handlers} />;
            }
            const target = targets[slot.key] ?? '';
            return (
              <div key={slot.key} className="supplement-slot">
                <p className="supplement-slot__item">{t('procedures.supplement.forItem', { number: slot.number, text: slot.itemText })}</p>
                <SelectField
                  label={withRequiredMark(t('procedures.supplement.target'), true)}
                  hint={target ? replacesHint(target) : t('procedures.supplement.targetHint')}
                  placeholder={t('procedures.form.choose')}
                  options={dossier.components.map((component) => ({ value: component.code, label: nameIn(locale, component) }))}
                  value={target}
                  onChange={(event) => setTargets((current) => ({ ...current, [slot.key]: event.target.value }))}
                  error={errors[`target:${slot.key}`]}
                />
                <ComponentFilesField name={t('procedures.supplement.filesFor', { number: slot.number })} isRequired={false} {...handlers} />
              </div>
            );
          })}
          {form.fields.length > 0 && (
            <div className="checkbox">
              <input id={`supplement-edit-form-${dossier.code}`} type="checkbox" checked={isEditingForm} onChange={(event) => setIsEditingForm(event.target.checked)} />
              <label htmlFor={`supplement-edit-form-${dossier.code}`}>{t('procedures.supplement.editForm')}</label>
            </div>
          )}
          {isEditingForm && (
            <fieldset className="fieldset">
              <legend className="fieldset__legend">{t('procedures.form.formTitle')}</legend>
              <SchemaForm fields={form.fields} values={form.values} errors={form.errors} onChange={form.setValue} />
            </fieldset>
          )}
          <TextareaField
            label={t('procedures.supplement.note')}
            hint={t('procedures.supplement.noteHint')}
            rows={3}
            maxLength={NOTE_MAX}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            error={request.serverFieldErrors.note}
          />
          <button type="submit" className="button button--primary" disabled={request.isSubmitting || uploads.isUploading}>
            {request.isSubmitting ? t('procedures.form.submitting') : t('procedures.supplement.submit')}
          </button>
        </form>
      ) : (
        <p className="note">{t('procedures.supplement.atDesk')}</p>
      )}
    </section>
  );
}
