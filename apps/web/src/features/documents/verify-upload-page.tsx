import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { TextField } from '../../components/text-field.tsx';
import { documentIdFrom } from './document-format.ts';
import { MAX_VERIFY_BYTES, verifyPagePath, verifyUpload, type UploadVerification } from './documents.api.ts';
import { Sha256, SignaturePanel, Verdict } from './verification-panels.tsx';
import './documents.css';

type CheckState = { status: 'idle' } | { status: 'checking' } | { status: 'done'; fileName: string; result: UploadVerification } | { status: 'error'; error: unknown };

/**
 * /verify — public: how to check a document (scan its QR code, or upload the PDF), a PDF upload checked by
 * POST /verify (every signature, and whether the file is byte-identical to a document the city issued), and a
 * box to type a document id, which opens /verify/:id.
 */
export function VerifyUploadPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <section className="page page--narrow">
      <PageTitle>{t('documents.upload.title')}</PageTitle>
      <p className="lead">{t('documents.upload.intro')}</p>
      <h2>{t('documents.upload.waysTitle')}</h2>
      <ol>
        <li>{t('documents.upload.wayQr')}</li>
        <li>{t('documents.upload.wayFile')}</li>
      </ol>
      <FileCheck />
      <IdLookup />
      {user !== undefined && (
        <p>
          <Link to="/documents/mine">{t('documents.upload.myDocuments')}</Link>
        </p>
      )}
    </section>
  );
}

function FileCheck() {
  const { t } = useTranslation();
  const titleId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | undefined>(undefined);
  const [inputError, setInputError] = useState<string | undefined>(undefined);
  const [state, setState] = useState<CheckState>({ status: 'idle' });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = file === undefined ? t('documents.upload.fileRequired') : file.size > MAX_VERIFY_BYTES ? t('documents.upload.fileTooLarge') : undefined;
    setInputError(problem);
    if (problem !== undefined || file === undefined) {
      inputRef.current?.focus();
      return;
    }
    setState({ status: 'checking' });
    try {
      setState({ status: 'done', fileName: file.name, result: await verifyUpload(file) });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('documents.upload.fileTitle')}</h2>
      <form className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
        <TextField
          ref={inputRef}
          type="file"
          name="file"
          accept=".pdf,application/pdf"
          label={t('documents.upload.file')}
          hint={t('documents.upload.fileHint')}
          error={inputError}
          onChange={(event) => {
            setFile(event.target.files?.[0]);
            setInputError(undefined);
          }}
        />
        <button type="submit" className="button button--primary" disabled={state.status === 'checking'}>
          {t('documents.upload.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {state.status === 'checking' && <p className="loading">{t('documents.upload.checking')}</p>}
        {state.status === 'done' && <UploadResult fileName={state.fileName} result={state.result} />}
      </div>
      {state.status === 'error' && <ErrorAlert error={state.error} />}
    </section>
  );
}

/** What the upload check found: the match with an issued document (or none), the hash, then the signatures. */
export function UploadResult({ fileName, result }: { fileName: string; result: UploadVerification }) {
  const { t } = useTranslation();
  const match = result.matchedDocument;
  return (
    <section className="document-upload-result" aria-label={t('documents.upload.resultTitle', { name: fileName })}>
      <h3>{t('documents.upload.resultTitle', { name: fileName })}</h3>
      {result.status === 'NOT_PDF' ? (
        <Verdict tone="fail">{t('documents.upload.notPdf')}</Verdict>
      ) : (
        <>
          {match === null ? (
            <>
              <Verdict tone="warn">{t('documents.upload.unmatched')}</Verdict>
              <p>{t('documents.upload.unmatchedDetail')}</p>
            </>
          ) : (
            <>
              <Verdict tone={match.status === 'valid' ? 'pass' : match.status === 'revoked' ? 'fail' : 'warn'}>{t('documents.upload.matched', { title: match.titleVi, number: match.numberSymbol })}</Verdict>
              <p>
                {t('documents.upload.matchedStatus', { status: t(`documents.validity.${match.status}`) })}{' '}
                <Link to={verifyPagePath(match.id)}>{t('documents.upload.matchedLink')}</Link>
              </p>
            </>
          )}
          {result.status === 'NO_SIGNATURES' && <p>{t('documents.upload.noSignatures')}</p>}
        </>
      )}
      <Sha256 value={result.sha256} />
      {result.status !== 'NOT_PDF' && (
        <div className="check-panels">
          <SignaturePanel check={result} />
        </div>
      )}
    </section>
  );
}

function IdLookup() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const titleId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const id = documentIdFrom(text);
    if (id === undefined) {
      setError(t('documents.upload.idInvalid'));
      inputRef.current?.focus();
      return;
    }
    setError(undefined);
    void navigate(verifyPagePath(id));
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('documents.upload.idTitle')}</h2>
      <form className="form" role="search" aria-labelledby={titleId} noValidate onSubmit={handleSubmit}>
        <TextField
          ref={inputRef}
          name="documentId"
          label={t('documents.upload.idLabel')}
          hint={t('documents.upload.idHint')}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          value={text}
          error={error}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button button--secondary">
          {t('documents.upload.idSubmit')}
        </button>
      </form>
    </section>
  );
}
