import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../app/i18n/index.ts';
import { formatCityDateTime, isExplainedSubIndication } from './document-format.ts';
import { verifyPagePath, type DocumentStatus, type DocumentVerification, type Indication, type SignatureCheck, type SignaturesCheck } from './documents.api.ts';
import './documents.css';

/** How a check came out: passed, failed, or could not be settled (a warning). The words always say which. */
export type Tone = 'pass' | 'fail' | 'warn';

const TONE_OF_INDICATION: Record<Indication, Tone> = { TOTAL_PASSED: 'pass', TOTAL_FAILED: 'fail', INDETERMINATE: 'warn' };
const TONE_OF_STATUS: Record<DocumentStatus, Tone> = { valid: 'pass', revoked: 'fail', superseded: 'warn' };

const ICON_PATHS: Record<Tone, string> = {
  pass: 'M7 12.5l3.2 3.2L17 9',
  fail: 'M8.5 8.5l7 7M15.5 8.5l-7 7',
  warn: 'M12 7v6M12 16.5h.01',
};

/** A round verdict mark (tick, cross, exclamation); decorative, the verdict's words carry the meaning. */
export function VerdictIcon({ tone }: { tone: Tone }) {
  return (
    <svg className="verdict__icon" width="28" height="28" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" />
      <path d={ICON_PATHS[tone]} />
    </svg>
  );
}

/** The verdict line of a check: mark and words, coloured by outcome. */
export function Verdict({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <p className={`verdict verdict--${tone}`}>
      <VerdictIcon tone={tone} />
      <strong>{children}</strong>
    </p>
  );
}

/** One independent check as its own region, named by its title, with a verdict and its details. */
export function CheckPanel({ title, tone, verdict, children }: { title: string; tone: Tone; verdict: string; children?: ReactNode }) {
  const titleId = useId();
  return (
    <section className={`check-panel check-panel--${tone}`} aria-labelledby={titleId}>
      <h2 id={titleId} className="check-panel__title">
        {title}
      </h2>
      <Verdict tone={tone}>{verdict}</Verdict>
      {children}
    </section>
  );
}

/** A SHA-256 in small monospace, breakable anywhere so it fits a phone. */
export function Sha256({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <p className="hash">
      <span className="hash__label">{t('documents.integrity.sha256')}: </span>
      <code className="hash__value">{value}</code>
    </p>
  );
}

/** Toàn vẹn: whether the stored file still has the hash recorded at issue. */
export function IntegrityPanel({ integrity }: { integrity: DocumentVerification['integrity'] }) {
  const { t } = useTranslation();
  const passed = integrity.result === 'PASSED';
  return (
    <CheckPanel title={t('documents.integrity.title')} tone={passed ? 'pass' : 'fail'} verdict={t(`documents.integrity.${integrity.result}`)}>
      <p>{passed ? t('documents.integrity.passedDetail') : t('documents.integrity.failedDetail')}</p>
      <Sha256 value={integrity.sha256} />
    </CheckPanel>
  );
}

/** The overall verdict of a signatures check, in words, and its tone. */
export function useSignaturesVerdict(check: SignaturesCheck): { tone: Tone; verdict: string } {
  const { t } = useTranslation();
  if (check.status === 'NOT_PDF') return { tone: 'fail', verdict: t('documents.signature.notPdf') };
  if (check.status === 'NO_SIGNATURES' || check.indication === null) return { tone: 'warn', verdict: t('documents.signature.noSignatures') };
  return { tone: TONE_OF_INDICATION[check.indication], verdict: t('documents.signature.overall', { verdict: t(`documents.indication.${check.indication}`) }) };
}

/** Chữ ký số: the worst indication over the signatures, then each signature on its own. */
export function SignaturePanel({ check }: { check: SignaturesCheck }) {
  const { t } = useTranslation();
  const { tone, verdict } = useSignaturesVerdict(check);
  return (
    <CheckPanel title={t('documents.signature.title')} tone={tone} verdict={verdict}>
      {check.signatures.length > 0 && (
        <>
          <p>{t('documents.signature.count', { count: check.signatures.length })}</p>
          <ol className="signature-list">
            {check.signatures.map((signature, position) => (
              <li key={signature.index}>
                <SignatureDetails signature={signature} number={position + 1} />
              </li>
            ))}
          </ol>
        </>
      )}
    </CheckPanel>
  );
}

/** One signature: who signed, whose certificate, when, in which format, and its own result in plain words. */
export function SignatureDetails({ signature, number }: { signature: SignatureCheck; number: number }) {
  const { t } = useTranslation();
  const titleId = useId();
  const tone = TONE_OF_INDICATION[signature.indication];
  const unknown = t('documents.signature.unknown');
  return (
    <article className="signature" aria-labelledby={titleId}>
      <h3 id={titleId} className="signature__title">
        {t('documents.signature.signatureNumber', { number })}
      </h3>
      <Verdict tone={tone}>{t(`documents.indication.${signature.indication}`)}</Verdict>
      {signature.subIndication !== null && (
        <p className="signature__reason">
          {isExplainedSubIndication(signature.subIndication) ? t(`documents.subIndication.${signature.subIndication}`) : t('documents.subIndication.other', { code: signature.subIndication })}{' '}
          {isExplainedSubIndication(signature.subIndication) && <code className="signature__code">{signature.subIndication}</code>}
        </p>
      )}
      {!signature.coversWholeDocument && <p className="signature__reason">{t('documents.signature.partialCoverage')}</p>}
      <dl className="summary-list">
        <div>
          <dt>{t('documents.signature.signer')}</dt>
          <dd>{signature.signerCommonName ?? unknown}</dd>
        </div>
        <div>
          <dt>{t('documents.signature.issuer')}</dt>
          <dd>{signature.issuerCommonName ?? unknown}</dd>
        </div>
        <div>
          <dt>{t('documents.signature.signingTime')}</dt>
          <dd>
            {signature.signingTime === null ? (
              unknown
            ) : (
              <>
                <time dateTime={signature.signingTime}>{formatCityDateTime(signature.signingTime)}</time>
                {signature.signingTimeSource !== null && (
                  <span className="signature__meta"> ({signature.signingTimeSource === 'timestamp' ? t('documents.signature.timeFromTimestamp') : t('documents.signature.timeClaimed')})</span>
                )}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('documents.signature.level')}</dt>
          <dd>{signature.level ?? unknown}</dd>
        </div>
      </dl>
    </article>
  );
}

/** Hiệu lực: in force, revoked or superseded, with the reason, the date and the replacing document. */
export function ValidityPanel({ status }: { status: DocumentVerification['status'] }) {
  const { t } = useTranslation();
  return (
    <CheckPanel title={t('documents.validity.title')} tone={TONE_OF_STATUS[status.value]} verdict={t(`documents.validity.${status.value}`)}>
      {(status.reason !== null || status.changedAt !== null) && (
        <dl className="summary-list">
          {status.reason !== null && (
            <div>
              <dt>{t('documents.validity.reason')}</dt>
              <dd>{status.reason}</dd>
            </div>
          )}
          {status.changedAt !== null && (
            <div>
              <dt>{t('documents.validity.changedAt')}</dt>
              <dd>
                <time dateTime={status.changedAt}>{formatCityDateTime(status.changedAt)}</time>
              </dd>
            </div>
          )}
        </dl>
      )}
      {status.supersededBy !== null && (
        <p>
          <Link to={verifyPagePath(status.supersededBy)}>{t('documents.validity.replacement')}</Link>
        </p>
      )}
    </CheckPanel>
  );
}

/** Cơ quan ban hành: the agency (in the reader's language), the signer and when it was issued. */
export function IssuerPanel({ issuer }: { issuer: DocumentVerification['issuer'] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <CheckPanel title={t('documents.issuer.title')} tone="pass" verdict={t('documents.issuer.verdict')}>
      <dl className="summary-list">
        <div>
          <dt>{t('documents.issuer.agency')}</dt>
          <dd>{locale === 'vi' ? issuer.agencyNameVi : issuer.agencyNameEn}</dd>
        </div>
        <div>
          <dt>{t('documents.issuer.signer')}</dt>
          <dd>{issuer.signerName ?? t('documents.signature.unknown')}</dd>
        </div>
        <div>
          <dt>{t('documents.issuer.issuedAt')}</dt>
          <dd>
            <time dateTime={issuer.issuedAt}>{formatCityDateTime(issuer.issuedAt)}</time>
          </dd>
        </div>
      </dl>
    </CheckPanel>
  );
}

/** A document's validity as a coloured label; the words carry the meaning. */
export function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge document-status document-status--${status}`}>{t(`documents.status.${status}`)}</span>;
}
