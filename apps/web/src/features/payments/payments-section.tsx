import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DISCREPANCY_RESOLUTIONS, type Agency, type DiscrepancyResolution, type Locale, type Role, type User } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert, StatusMessage } from '../../components/error-alert.tsx';
import { compareNames, formatDateTime } from '../../components/format.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { agenciesInScope, currentMonthRange, formatShare } from '../console/dossiers/dossier-rules.ts';
import { formatCityDate } from '../documents/document-format.ts';
import { formatMoney } from '../procedures/procedure-format.ts';
import {
  discrepanciesPath,
  findIntentByReference,
  paymentDaysPath,
  paymentIntentsPath,
  paymentsCsvUrl,
  paymentStatisticsPath,
  reconciliationPath,
  refundPayment,
  resolveCredit,
  resolveDiscrepancy,
  type PaymentDay,
  type PaymentDiscrepancy,
  type PaymentIntent,
  type PaymentIntentList,
  type PaymentStatistics,
  type PeriodQuery,
  type ReconciliationItem,
} from './payments.api.ts';
import './payments.css';

/** Who opens /console/payments (the API checks each request). */
export const PAYMENT_CONSOLE_ROLES: readonly Role[] = ['desk_officer', 'unit_lead', 'auditor', 'admin'];
const RESOLVERS: ReadonlySet<string> = new Set(['desk_officer', 'unit_lead', 'admin']);
const REFUNDERS: ReadonlySet<string> = new Set(['unit_lead', 'admin']);

/** Whether the user holds one of `roles` on the agency or above it (the path lists codes from the root down). */
export function holdsRoleOver(user: User, roles: ReadonlySet<string>, agency: Pick<Agency, 'code' | 'path'> | undefined): boolean {
  const path = agency?.path.split('.') ?? [];
  return user.roles.some((grant) => roles.has(grant.role) && grant.agencyCode !== null && path.includes(grant.agencyCode));
}

const percent = (share: number | null, locale: Locale) => (share === null ? '—' : formatShare(share, locale));

/**
 * /console/payments: for an agency in the staff member's scope and the current month — the Decision 766 online
 * payment indicators, collections per day, the payments with refunds for those who may, the CSV in bank-statement
 * columns, the bank credits that matched nothing with their resolve actions, and the reconciliation's differences
 * with theirs.
 */
export function PaymentsSection() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const user = useCurrentUser();
  const [agencies, reloadAgencies] = useApiResource<{ items: Agency[] }>('/agencies');
  const [agencyCode, setAgencyCode] = useState<string | undefined>(undefined);
  const inScope = useMemo(() => {
    if (user === undefined || agencies.status !== 'ready') return [];
    const compare = compareNames(locale);
    return agenciesInScope(user, agencies.data.items, (left, right) => compare(left.nameVi, right.nameVi));
  }, [user, agencies, locale]);
  if (user === undefined) return null;
  const chosen = inScope.find((agency) => agency.code === agencyCode) ?? inScope[0];
  const period = chosen ? { agencyCode: chosen.code, ...currentMonthRange(new Date()) } : undefined;

  return (
    <section className="page payments-section">
      <PageTitle>{t('payments.console.title')}</PageTitle>
      <ResourceView resource={agencies} reload={reloadAgencies}>
        {() => (
          <div className="payments-section__toolbar">
            <label>
              {t('payments.console.agency')}{' '}
              <select value={chosen?.code ?? ''} onChange={(event) => setAgencyCode(event.target.value)}>
                {inScope.map((agency) => (
                  <option key={agency.code} value={agency.code}>
                    {locale === 'vi' ? agency.nameVi : agency.nameEn}
                  </option>
                ))}
              </select>
            </label>
            {period && (
              <span>
                {t('payments.console.month')}: <time dateTime={period.from}>{formatCityDate(period.from)}</time> –{' '}
                <time dateTime={period.to}>{formatCityDate(period.to)}</time>
              </span>
            )}
            {period && <a href={paymentsCsvUrl(period)}>{t('payments.console.export')}</a>}
          </div>
        )}
      </ResourceView>
      {period && chosen && <AgencyPayments key={period.agencyCode} user={user} agency={chosen} period={period} />}
      {[...RESOLVERS, 'auditor'].some((role) => user.roles.some((grant) => grant.role === role)) && <ReconciliationQueue user={user} />}
    </section>
  );
}

function AgencyPayments({ user, agency, period }: { user: User; agency: Agency; period: PeriodQuery }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [statistics, reloadStatistics] = useApiResource<PaymentStatistics>(paymentStatisticsPath(period));
  const [days, reloadDays] = useApiResource<{ items: PaymentDay[] }>(paymentDaysPath(period));
  const [intents, reloadIntents] = useApiResource<PaymentIntentList>(paymentIntentsPath(period));
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const mayRefund = holdsRoleOver(user, REFUNDERS, agency);
  return (
    <>
      <h2>{t('payments.console.indicators')}</h2>
      <ResourceView resource={statistics} reload={reloadStatistics}>
        {(data) => (
          <dl className="summary-list">
            {(['dossiersPaidOnline', 'proceduresAcceptingOnline', 'proceduresWithOnlinePayments'] as const).map((key) => (
              <div key={key}>
                <dt>{t(`payments.console.${key}`)}</dt>
                <dd>{t('payments.console.ratio', { numerator: data[key].numerator, denominator: data[key].denominator, percent: percent(data[key].share, locale) })}</dd>
              </div>
            ))}
          </dl>
        )}
      </ResourceView>
      <h2>{t('payments.console.daily')}</h2>
      <ResourceView resource={days} reload={reloadDays}>
        {(data) => (
          <ListTable label={t('payments.console.daily')} empty={t('payments.console.noDays')} isEmpty={data.items.length === 0} columns={[{ label: t('payments.console.day') }, { label: t('payments.console.count'), isNumber: true }, { label: t('payments.console.amount'), isNumber: true }, { label: t('payments.console.refunded'), isNumber: true }]}>
            {data.items.map((day) => (
              <tr key={day.day}>
                <th scope="row">
                  <time dateTime={day.day}>{formatCityDate(day.day)}</time>
                </th>
                <td className="number">{day.count}</td>
                <td className="number">{formatMoney(day.amount)}</td>
                <td className="number">{formatMoney(day.refunded)}</td>
              </tr>
            ))}
          </ListTable>
        )}
      </ResourceView>
      <h2>{t('payments.console.payments')}</h2>
      <StatusMessage message={notice} />
      <ResourceView resource={intents} reload={reloadIntents}>
        {(data) => (
          <ListTable label={t('payments.console.payments')} empty={t('payments.console.noPayments')} isEmpty={data.items.length === 0} columns={[{ label: t('payments.console.reference') }, { label: t('payments.console.dossier') }, { label: t('payments.console.amount'), isNumber: true }, { label: t('payments.console.status') }, { label: t('payments.console.provider') }, { label: t('payments.console.actions') }]}>
            {data.items.map((intent) => (
              <tr key={intent.id}>
                <th scope="row">
                  <code>{intent.reference}</code>
                </th>
                <td>{intent.dossierCode}</td>
                <td className="number">{formatMoney(intent.amount)}</td>
                <td>{t(`payments.status.${intent.status}`)}</td>
                <td>{t(`payments.provider.${intent.provider ?? 'none'}`)}</td>
                <td>
                  {mayRefund && intent.refundable > 0 && (
                    <RefundForm
                      intent={intent}
                      onDone={(message) => {
                        setNotice(message);
                        reloadIntents();
                        reloadDays();
                        reloadStatistics();
                      }}
                    />
                  )}
                </td>
              </tr>
            ))}
          </ListTable>
        )}
      </ResourceView>
    </>
  );
}

function RefundForm({ intent, onDone }: { intent: PaymentIntent; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState(String(intent.refundable));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [isBusy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const refunded = Number(amount);
      await refundPayment(intent.id, refunded, reason.trim());
      onDone(t('payments.console.refundDone', { amount: formatMoney(refunded), reference: intent.reference }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  return (
    <details>
      <summary>{t('payments.console.refund')}</summary>
      <form className="payments-section__inline-form" onSubmit={(event) => void submit(event)}>
        <label>
          {t('payments.console.refundAmount')}
          <input type="number" min={1} max={intent.refundable} required value={amount} onChange={(event) => setAmount(event.target.value)} />
        </label>
        <label>
          {t('payments.console.refundReason')}
          <input type="text" required minLength={5} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
        </label>
        <button type="submit" className="button button--secondary" disabled={isBusy}>
          {t('payments.console.refund')}
        </button>
        <ErrorAlert error={error} />
      </form>
    </details>
  );
}

function ReconciliationQueue({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [queue, reloadQueue] = useApiResource<{ items: ReconciliationItem[] }>(reconciliationPath('open'));
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const mayResolve = user.roles.some((grant) => RESOLVERS.has(grant.role));
  const mayDismiss = user.roles.some((grant) => REFUNDERS.has(grant.role));
  const reasonText = (reason: string | null) => (reason && CREDIT_REASONS.has(reason) ? t(`payments.console.reasons.${reason as 'no_reference'}`) : (reason ?? ''));
  return (
    <>
      <h2>{t('payments.console.queue')}</h2>
      <p>{t('payments.console.queueIntro')}</p>
      <StatusMessage message={notice} />
      <ResourceView resource={queue} reload={reloadQueue}>
        {(data) => (
          <ListTable label={t('payments.console.queue')} empty={t('payments.console.queueEmpty')} isEmpty={data.items.length === 0} columns={[{ label: t('payments.console.bankReference') }, { label: t('payments.console.paidAt') }, { label: t('payments.console.amount'), isNumber: true }, { label: t('payments.console.description') }, { label: t('payments.console.reason') }, { label: t('payments.console.actions') }]}>
            {data.items.map((credit) => (
              <tr key={credit.id}>
                <th scope="row">{credit.bankReference}</th>
                <td>
                  <time dateTime={credit.transactionAt}>{formatDateTime(credit.transactionAt, locale)}</time>
                </td>
                <td className="number">{formatMoney(credit.amount)}</td>
                <td>{credit.description}</td>
                <td>{reasonText(credit.reason)}</td>
                <td>
                  {mayResolve && (
                    <ResolveForms
                      credit={credit}
                      mayDismiss={mayDismiss}
                      onDone={() => {
                        setNotice(t('payments.console.resolved', { reference: credit.bankReference }));
                        reloadQueue();
                      }}
                    />
                  )}
                </td>
              </tr>
            ))}
          </ListTable>
        )}
      </ResourceView>
      <Discrepancies user={user} />
    </>
  );
}

const DISCREPANCY_KINDS = [
  'missing_confirmation',
  'unknown_to_provider',
  'amount_mismatch',
  'paid_without_confirmation',
  'confirmation_without_payment',
  'refund_mismatch',
  'dossier_not_marked_paid',
  'dossier_paid_twice',
  'duplicate_payment',
] as const;
const isKnownKind = (kind: string): kind is (typeof DISCREPANCY_KINDS)[number] => (DISCREPANCY_KINDS as readonly string[]).includes(kind);

/**
 * The reconciliation's differences, open or resolved. Resolvers close an open one by saying what was done and why;
 * one that names no payment only unit leads and admins (the API checks each over the payment's agency).
 */
function Discrepancies({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const [list, reload] = useApiResource<{ items: PaymentDiscrepancy[] }>(discrepanciesPath(status));
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const mayResolve = user.roles.some((grant) => RESOLVERS.has(grant.role));
  const mayResolveUnscoped = user.roles.some((grant) => REFUNDERS.has(grant.role));
  const kindText = (kind: string) => (isKnownKind(kind) ? t(`payments.console.kinds.${kind}`) : kind);
  const amount = (value: number | null) => (value === null ? '—' : formatMoney(value));
  return (
    <>
      <h2>{t('payments.console.discrepancies')}</h2>
      <div className="segmented" role="group" aria-label={t('payments.console.discrepancyTabs')}>
        {(['open', 'resolved'] as const).map((option) => (
          <button key={option} type="button" className="segmented__option" aria-pressed={option === status} onClick={() => setStatus(option)}>
            {t(`payments.console.discrepancyStatus.${option}`)}
          </button>
        ))}
      </div>
      <StatusMessage message={notice} />
      <ResourceView resource={list} reload={reload}>
        {(data) => (
          <ListTable label={t('payments.console.discrepancies')} empty={t(status === 'open' ? 'payments.console.discrepanciesEmpty' : 'payments.console.discrepanciesResolvedEmpty')} isEmpty={data.items.length === 0} columns={[{ label: t('payments.console.day') }, { label: t('payments.console.kind') }, { label: t('payments.console.reference') }, { label: t('payments.console.bankReference') }, { label: t('payments.console.expectedActual'), isNumber: true }, { label: t(status === 'open' ? 'payments.console.actions' : 'payments.console.resolution') }]}>
            {data.items.map((item) => (
              <tr key={item.id}>
                <td>
                  <time dateTime={item.day}>{formatCityDate(item.day)}</time>
                </td>
                <th scope="row">{kindText(item.kind)}</th>
                <td>{item.intentReference ?? '—'}</td>
                <td>{item.providerTransactionId ?? '—'}</td>
                <td className="number">
                  {amount(item.expectedAmount)} / {amount(item.actualAmount)}
                </td>
                <td>
                  {item.status === 'resolved' && item.resolution ? (
                    <>
                      <strong>{t(`payments.console.resolutions.${item.resolution}`)}</strong>
                      <br />
                      {item.resolutionNote}
                      <br />
                      <span className="note">
                        {item.resolvedByName ?? '—'}
                        {item.resolvedAt && <> · <time dateTime={item.resolvedAt}>{formatDateTime(item.resolvedAt, locale)}</time></>}
                      </span>
                    </>
                  ) : (
                    mayResolve &&
                    (item.intentId !== null || mayResolveUnscoped) && (
                      <ResolveDiscrepancyForm
                        discrepancy={item}
                        onDone={() => {
                          setNotice(t('payments.console.discrepancyResolved', { kind: kindText(item.kind), day: formatCityDate(item.day) }));
                          reload();
                        }}
                      />
                    )
                  )}
                </td>
              </tr>
            ))}
          </ListTable>
        )}
      </ResourceView>
    </>
  );
}

const NOTE_MIN = 5;
const NOTE_MAX = 1000;

function ResolveDiscrepancyForm({ discrepancy, onDone }: { discrepancy: PaymentDiscrepancy; onDone: () => void }) {
  const { t } = useTranslation();
  const [resolution, setResolution] = useState<DiscrepancyResolution>('corrected');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [isBusy, setBusy] = useState(false);
  const trimmed = note.trim();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await resolveDiscrepancy(discrepancy.id, { resolution, note: trimmed });
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  return (
    <details>
      <summary>{t('payments.console.resolve')}</summary>
      <form className="payments-section__inline-form" aria-label={t('payments.console.resolve')} onSubmit={(event) => void submit(event)}>
        <label>
          {t('payments.console.resolution')}
          <select value={resolution} onChange={(event) => setResolution(event.target.value as DiscrepancyResolution)}>
            {DISCREPANCY_RESOLUTIONS.map((option) => (
              <option key={option} value={option}>
                {t(`payments.console.resolutions.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('payments.console.resolutionNote')}
          <textarea required minLength={NOTE_MIN} maxLength={NOTE_MAX} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
        </label>
        <button type="submit" className="button button--secondary" disabled={isBusy || trimmed.length < NOTE_MIN}>
          {t('payments.console.resolveSubmit')}
        </button>
        <ErrorAlert error={error} />
      </form>
    </details>
  );
}

function ResolveForms({ credit, mayDismiss, onDone }: { credit: ReconciliationItem; mayDismiss: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [isBusy, setBusy] = useState(false);
  async function act(run: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      await run();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  const link = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void act(async () => {
      const wanted = reference.trim().toUpperCase();
      const found = (await findIntentByReference(wanted)).items[0];
      if (!found) {
        setMessage(t('payments.console.referenceNotFound', { reference: wanted }));
        return;
      }
      await resolveCredit(credit.id, { action: 'link', intentId: found.id, ...(note.trim() ? { note: note.trim() } : {}) });
      onDone();
    });
  };
  const dismiss = () =>
    void act(async () => {
      await resolveCredit(credit.id, { action: 'not_ours', note: note.trim() });
      onDone();
    });
  return (
    <form className="payments-section__inline-form" onSubmit={link}>
      <label>
        {t('payments.console.linkReference')}
        <input type="text" value={reference} pattern="[A-Za-z0-9]{1,19}" onChange={(event) => setReference(event.target.value)} />
      </label>
      <label>
        {t('payments.console.note')}
        <input type="text" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
      </label>
      <button type="submit" className="button button--secondary" disabled={isBusy || reference.trim() === ''}>
        {t('payments.console.link')}
      </button>
      {mayDismiss && (
        <button type="button" className="button button--secondary" disabled={isBusy || note.trim().length < 5} onClick={dismiss}>
          {t('payments.console.notOurs')}
        </button>
      )}
      {message && <p role="status">{message}</p>}
      <ErrorAlert error={error} />
    </form>
  );
}

/** Why the bank feed could not match a credit, as the API names it (anything else is shown as it comes). */
const CREDIT_REASONS: ReadonlySet<string> = new Set(['no_reference', 'unknown_reference', 'several_references', 'amount_mismatch', 'wrong_account', 'intent_closed', 'already_paid']);

/** A list as a table that scrolls inside its own box on a phone, or a sentence when the list is empty. */
function ListTable({ label, empty, isEmpty, columns, children }: { label: string; empty: string; isEmpty: boolean; columns: { label: string; isNumber?: boolean }[]; children: ReactNode }) {
  if (isEmpty) return <p>{empty}</p>;
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.isNumber ? 'number' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
