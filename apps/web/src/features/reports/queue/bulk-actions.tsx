import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { TextareaField } from '../../../components/textarea-field.tsx';
import { useFormSubmit } from '../../../components/use-form-submit.ts';
import { actOnReports, BULK_LIMIT, type BulkResult, type ReportAction } from '../reports.api.ts';
import type { QueueActor } from './queue-rules.ts';
import { UnitCodeField } from './unit-code-field.tsx';

export type BulkActionType = 'take' | 'accept' | 'transfer';

/** The actions one may apply to a selection: unit staff take or transfer, the IOC assigns or transfers. */
export function bulkActionsFor(actor: QueueActor): BulkActionType[] {
  if (actor === 'unit_officer' || actor === 'unit_lead') return ['take', 'transfer'];
  if (actor === 'ioc') return ['accept', 'transfer'];
  return [];
}

type Field = 'unitCode' | 'reason' | 'codes';
const FIELDS: readonly Field[] = ['unitCode', 'reason', 'codes'];

/**
 * One action for the selected reports of the queue (POST /reports/actions/bulk). Each report succeeds or fails
 * on its own; the outcome of every one is listed, then the queue is refreshed.
 */
export function BulkActions({
  actor,
  codes,
  unitListId,
  onClear,
  onDone,
}: {
  actor: QueueActor;
  codes: readonly string[];
  unitListId: string;
  onClear: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const actions = bulkActionsFor(actor);
  const [type, setType] = useState<BulkActionType>(actions[0] ?? 'transfer');
  const [unitCode, setUnitCode] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [results, setResults] = useState<BulkResult[] | undefined>(undefined);
  const request = useFormSubmit(FIELDS);
  const headingId = useId();
  if (actions.length === 0 || (codes.length === 0 && results === undefined)) return null;

  const action = (): ReportAction =>
    type === 'take' ? { type } : type === 'accept' ? { type, unitCode: unitCode.trim() } : { type, unitCode: unitCode.trim(), reason: reason.trim() };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {
      codes: codes.length > BULK_LIMIT ? t('reports.queue.bulk.tooMany', { max: BULK_LIMIT }) : undefined,
      unitCode: type !== 'take' && unitCode.trim() === '' ? t('validation.required') : undefined,
      reason: type === 'transfer' && reason.trim() === '' ? t('reports.validation.reason') : undefined,
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const result = await request.submit(() => actOnReports(codes, action()));
    if (!result.ok) return;
    setResults(result.value.results);
    onDone();
  }

  const okCount = results?.filter((result) => result.ok).length ?? 0;
  return (
    <section className="bulk-actions" aria-labelledby={headingId}>
      <h2 id={headingId} className="queue-item__title">
        {t('reports.queue.bulk.title')}
      </h2>
      {results !== undefined && (
        <div role="status">
          <p>{t('reports.queue.bulk.summary', { ok: okCount, failed: results.length - okCount })}</p>
          <ul className="bulk-actions__results">
            {results.map((result) => (
              <li key={result.code} className={result.ok ? undefined : 'bulk-actions__result--failed'}>
                {result.ok ? t('reports.queue.bulk.ok', { code: result.code }) : t('reports.queue.bulk.failed', { code: result.code, detail: result.error.detail })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {codes.length > 0 && (
        <form className="form" noValidate aria-label={t('reports.queue.bulk.title')} onSubmit={(event) => void handleSubmit(event)}>
          <p>{t('reports.queue.bulk.selected', { count: codes.length })}</p>
          {errors.codes && (
            <p className="field__error" role="alert">
              {errors.codes}
            </p>
          )}
          <ErrorAlert error={request.error} />
          <SelectField
            label={t('reports.queue.bulk.action')}
            options={actions.map((value) => ({ value, label: t(`reports.queue.actions.${value}`) }))}
            value={type}
            onChange={(event) => setType(event.target.value as BulkActionType)}
          />
          {type !== 'take' && (
            <UnitCodeField unitListId={unitListId} value={unitCode} onChange={setUnitCode} error={errors.unitCode ?? request.serverFieldErrors.unitCode} />
          )}
          {type === 'transfer' && (
            <TextareaField
              label={t('reports.queue.reason')}
              required
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              error={errors.reason ?? request.serverFieldErrors.reason}
            />
          )}
          <div className="queue-actions__buttons">
            <button type="submit" className="button button--primary" disabled={request.isSubmitting}>
              {t('reports.queue.bulk.submit', { count: codes.length })}
            </button>
            <button type="button" className="button button--secondary" onClick={onClear}>
              {t('reports.queue.bulk.clear')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
