import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDetail, Procedure, SubmitDossierRequest, User } from '@onecity/contracts';
import type { TFunction } from 'i18next';
import { ApiError, api } from '../../app/api.ts';
import { currentLocale } from '../../app/i18n/index.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { hasErrors, useFocusFirstInvalid } from '../../components/forms.ts';
import { TextField } from '../../components/text-field.tsx';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import { ComponentFilesField, type ReusableFile } from './component-files-field.tsx';
import { useComponentUploads, type ComponentUploads } from './component-uploads.ts';
import { placeDossierErrors, refineDossierProblem } from './dossier-errors.ts';
import { formatFee, formatProcessingTime, nameIn, safeTemplateUrl, withRequiredMark } from './procedure-format.ts';
import { submitDossier, type DeliveryMethod, type FilingChannel } from './procedures.api.ts';
import { SchemaForm, useSchemaForm } from './schema-form.tsx';
import { WardPicker } from './ward-picker.tsx';
import './procedures.css';

export const APPLICANT_FIELDS = ['fullName', 'idNumber', 'phone', 'email', 'address'] as const;
export type ApplicantField = (typeof APPLICANT_FIELDS)[number];
export type ApplicantValues = Record<ApplicantField, string>;
const DELIVERY_METHODS: readonly DeliveryMethod[] = ['online', 'post', 'in_person'];
const FULL_NAME_MAX = 200;
const ADDRESS_MAX = 500;
const EMAIL_MAX = 200;
const ID_NUMBER_PATTERN = /^[0-9]{9,12}$/;
const PHONE_PATTERN = /^\+?[0-9]{9,15}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The applicant block's first values: the logged-in citizen's own details online, nothing at the desk. */
export function initialApplicant(user: User | undefined, channel: FilingChannel): ApplicantValues {
  if (channel === 'in_person' || user === undefined) return { fullName: '', idNumber: '', phone: '', email: '', address: '' };
  return { fullName: user.fullName, idNumber: '', phone: user.phone ?? '', email: user.email ?? '', address: '' };
}

/** A phone number as the API wants it: digits and an optional leading +, spaces, dots and dashes dropped. */
const normalisePhone = (phone: string) => phone.replace(/[\s.-]/g, '');

/** Checks the applicant block the way the API's schema will. */
export function checkApplicant(values: ApplicantValues, t: TFunction): Partial<Record<ApplicantField, string>> {
  const errors: Partial<Record<ApplicantField, string>> = {};
  const fullName = values.fullName.trim();
  if (fullName === '') errors.fullName = t('procedures.validation.required');
  else if (fullName.length > FULL_NAME_MAX) errors.fullName = t('procedures.validation.maxLength', { max: FULL_NAME_MAX });
  if (!ID_NUMBER_PATTERN.test(values.idNumber.trim())) errors.idNumber = t('procedures.validation.idNumber');
  if (!PHONE_PATTERN.test(normalisePhone(values.phone))) errors.phone = t('procedures.validation.phone');
  const email = values.email.trim();
  if (email !== '' && (!EMAIL_PATTERN.test(email) || email.length > EMAIL_MAX)) errors.email = t('procedures.validation.email');
  const address = values.address.trim();
  if (address === '') errors.address = t('procedures.validation.required');
  else if (address.length > ADDRESS_MAX) errors.address = t('procedures.validation.maxLength', { max: ADDRESS_MAX });
  return errors;
}

/** Problems with the component files before filing: required ones without a file, uploads not finished or failed. */
export function checkComponents(procedure: Procedure, uploads: Pick<ComponentUploads, 'stateOf' | 'uploadedCount'>, t: TFunction): Record<string, string | undefined> {
  const errors: Record<string, string | undefined> = {};
  for (const component of procedure.components) {
    const entries = uploads.stateOf(component.code).entries;
    if (entries.some((entry) => entry.status === 'uploading')) errors[component.code] = t('procedures.validation.filesUploading');
    else if (entries.some((entry) => entry.status === 'failed')) errors[component.code] = t('procedures.validation.filesFailed');
    else if (component.isRequired && uploads.uploadedCount(component.code) === 0) errors[component.code] = t('procedures.validation.fileRequired');
  }
  return errors;
}

/**
 * The filing form of one procedure: the receiving ward (ward-level procedures), the applicant, the procedure's
 * own form (drawn from its JSON Schema), the component files (uploaded as they are chosen) and how the result is
 * delivered. `channel` 'online' is the citizen filing for themselves (their details filled in); 'in_person' is a
 * one-stop desk officer receiving a paper dossier for a citizen (empty applicant, channel sent as 'in_person').
 * Checks on the device mirror the API's, but the API decides: its field errors are shown on the fields they name.
 */
export function DossierForm({
  procedure,
  channel,
  onSubmitted,
}: {
  procedure: Procedure;
  channel: FilingChannel;
  onSubmitted: (dossier: DossierDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const user = useCurrentUser();
  const formRef = useRef<HTMLFormElement>(null);
  const [failedAttempts, setFailedAttempts] = useState(0);
  useFocusFirstInvalid(formRef, failedAttempts);

  const isWardLevel = procedure.level === 'ward';
  const [wardCode, setWardCode] = useState('');
  const [applicant, setApplicant] = useState<ApplicantValues>(() => initialApplicant(user, channel));
  const acceptsOnlineResult = procedure.resultType !== 'paper';
  const [deliveryMethod, setDeliveryMethod] = useState<DeliveryMethod>(channel === 'in_person' || !acceptsOnlineResult ? 'in_person' : 'online');
  const schemaForm = useSchemaForm(procedure.formSchema);
  const uploads = useComponentUploads();
  const request = useFormSubmit([] as const);
  // Papers of the citizen's earlier dossiers, for components the procedure marks reusable (not for a desk's paper intake).
  const [reusableFiles, setReusableFiles] = useState<readonly ReusableFile[]>([]);
  const hasReusable = channel === 'online' && procedure.components.some((component) => component.isReusable);
  useEffect(() => {
    if (!hasReusable) return;
    let isCurrent = true;
    api
      .get<{ items: ReusableFile[] }>('/dossiers/files/reusable')
      .then((result) => isCurrent && setReusableFiles(result.items))
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [hasReusable]);

  const [clientErrors, setClientErrors] = useState<{ ward?: string; applicant: Partial<Record<ApplicantField, string>>; components: Record<string, string | undefined> }>({ applicant: {}, components: {} });
  const [serverErrors, setServerErrors] = useState(() => placeDossierErrors(undefined));

  // A desk officer's ward comes first in the picker; their other grants follow.
  const deskAgencies = useMemo(
    () => (channel === 'in_person' ? (user?.roles ?? []).filter((grant) => grant.role === 'desk_officer' && grant.agencyCode).map((grant) => grant.agencyCode as string) : []),
    [channel, user],
  );

  const componentCodes = new Set(procedure.components.map((component) => component.code));
  const unplacedComponentErrors = Object.entries(serverErrors.components).filter(([code]) => !componentCodes.has(code)).map(([, message]) => message);
  const componentsGeneralError = [serverErrors.componentsGeneral, ...unplacedComponentErrors].filter(Boolean).join(' ') || undefined;
  const applicantError = (field: ApplicantField) => clientErrors.applicant[field] ?? serverErrors.applicant[field];
  const setApplicantField = (field: ApplicantField, value: string) => setApplicant((current) => ({ ...current, [field]: value }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerErrors(placeDossierErrors(undefined));
    const ward = isWardLevel && wardCode === '' ? t('procedures.validation.ward') : undefined;
    const applicantErrors = checkApplicant(applicant, t);
    const componentErrors = checkComponents(procedure, uploads, t);
    const form = schemaForm.validate();
    setClientErrors({ ...(ward ? { ward } : {}), applicant: applicantErrors, components: componentErrors });
    if (ward || hasErrors(applicantErrors) || hasErrors(componentErrors) || hasErrors(form.errors)) {
      setFailedAttempts((count) => count + 1);
      return;
    }
    const email = applicant.email.trim();
    const body: SubmitDossierRequest = {
      procedureCode: procedure.code,
      ...(isWardLevel ? { agencyCode: wardCode } : {}),
      applicant: {
        fullName: applicant.fullName.trim(),
        idNumber: applicant.idNumber.trim(),
        phone: normalisePhone(applicant.phone),
        ...(email ? { email } : {}),
        address: applicant.address.trim(),
      },
      formData: form.data,
      components: uploads.body,
      deliveryMethod,
      ...(channel === 'in_person' ? { channel: 'in_person' as const } : {}),
    };
    const result = await request.submit(() => submitDossier(body));
    if (result.ok) {
      onSubmitted(result.value);
      return;
    }
    if (result.error instanceof ApiError) {
      const problem = refineDossierProblem(result.error.problem, {
        fileRequired: t('procedures.validation.fileRequired'),
        ward: t('procedures.validation.ward'),
        fileUnusable: (fileName) => t('procedures.validation.fileUnusable', { name: fileName }),
        locateFile: uploads.locateFile,
      });
      const placed = placeDossierErrors(problem, body.components);
      setServerErrors(placed);
      schemaForm.setErrors(placed.formData);
    }
    setFailedAttempts((count) => count + 1);
  }

  const fee = formatFee(procedure.feeTotal, t);
  return (
    <form ref={formRef} className="form dossier-form" noValidate onSubmit={(event) => void handleSubmit(event)}>
      <p className="note">{t('procedures.form.requiredNote')}</p>
      <ErrorAlert error={request.error} />

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('procedures.form.whereTitle')}</legend>
        {isWardLevel ? (
          <WardPicker value={wardCode} onChange={setWardCode} error={clientErrors.ward ?? serverErrors.agencyCode} preferAgencyCodes={deskAgencies} />
        ) : (
          <p>{procedure.agencyNameVi ? (locale === 'vi' ? procedure.agencyNameVi : (procedure.agencyNameEn ?? procedure.agencyNameVi)) : (procedure.agencyCode ?? '')}</p>
        )}
        <p className="note">
          {t('procedures.form.timeAndFee', { time: formatProcessingTime(procedure.processingTime, t), fee })}
        </p>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{channel === 'in_person' ? t('procedures.form.applicantTitleDesk') : t('procedures.form.applicantTitle')}</legend>
        {channel === 'online' && <p className="field__hint">{t('procedures.form.applicantHint')}</p>}
        <TextField
          label={withRequiredMark(t('procedures.applicant.fullName'), true)}
          name="applicant.fullName"
          autoComplete={channel === 'online' ? 'name' : 'off'}
          required
          maxLength={FULL_NAME_MAX}
          value={applicant.fullName}
          onChange={(event) => setApplicantField('fullName', event.target.value)}
          error={applicantError('fullName')}
        />
        <TextField
          label={withRequiredMark(t('procedures.applicant.idNumber'), true)}
          hint={t('procedures.applicant.idNumberHint')}
          name="applicant.idNumber"
          inputMode="numeric"
          autoComplete="off"
          required
          maxLength={12}
          value={applicant.idNumber}
          onChange={(event) => setApplicantField('idNumber', event.target.value)}
          error={applicantError('idNumber')}
        />
        <TextField
          label={withRequiredMark(t('procedures.applicant.phone'), true)}
          name="applicant.phone"
          type="tel"
          autoComplete={channel === 'online' ? 'tel' : 'off'}
          required
          value={applicant.phone}
          onChange={(event) => setApplicantField('phone', event.target.value)}
          error={applicantError('phone')}
        />
        <TextField
          label={t('procedures.applicant.email')}
          name="applicant.email"
          type="email"
          autoComplete={channel === 'online' ? 'email' : 'off'}
          maxLength={EMAIL_MAX}
          value={applicant.email}
          onChange={(event) => setApplicantField('email', event.target.value)}
          error={applicantError('email')}
        />
        <TextField
          label={withRequiredMark(t('procedures.applicant.address'), true)}
          name="applicant.address"
          autoComplete={channel === 'online' ? 'street-address' : 'off'}
          required
          maxLength={ADDRESS_MAX}
          value={applicant.address}
          onChange={(event) => setApplicantField('address', event.target.value)}
          error={applicantError('address')}
        />
      </fieldset>

      {schemaForm.fields.length > 0 && (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('procedures.form.formTitle')}</legend>
          <SchemaForm fields={schemaForm.fields} values={schemaForm.values} errors={schemaForm.errors} onChange={schemaForm.setValue} />
        </fieldset>
      )}

      {procedure.components.length > 0 && (
        <section className="dossier-form__components" aria-labelledby="dossier-components-title">
          <h2 id="dossier-components-title">{t('procedures.form.componentsTitle')}</h2>
          <p className="field__hint">{channel === 'in_person' ? t('procedures.form.componentsHintDesk') : t('procedures.form.componentsHint')}</p>
          {componentsGeneralError && (
            <div className="alert alert--error" role="alert">
              <p>{componentsGeneralError}</p>
            </div>
          )}
          {procedure.components.map((component) => {
            const template = safeTemplateUrl(component.templateUrl);
            const name = nameIn(locale, component);
            return (
              <ComponentFilesField
                key={component.code}
                name={name}
                isRequired={component.isRequired}
                hint={t('procedures.components.copies', { copies: component.copies })}
                extra={
                  template && (
                    <p className="field__hint">
                      <a href={template} target="_blank" rel="noopener noreferrer">
                        {t('procedures.components.template', { name })}
                      </a>
                    </p>
                  )
                }
                state={uploads.stateOf(component.code)}
                error={clientErrors.components[component.code] ?? serverErrors.components[component.code]}
                onAdd={(files) => uploads.add(component.code, files)}
                onRemove={(localId) => uploads.remove(component.code, localId)}
                onRetry={(localId) => uploads.retry(component.code, localId)}
                reusable={component.isReusable ? [...reusableFiles].sort((a, b) => Number(b.componentCode === component.code) - Number(a.componentCode === component.code)) : undefined}
                onReuse={(file) => uploads.reuse(component.code, file)}
              />
            );
          })}
        </section>
      )}

      <fieldset className={['fieldset', serverErrors.deliveryMethod ? 'fieldset--invalid' : undefined].filter(Boolean).join(' ')}>
        <legend className="fieldset__legend">{t('procedures.form.deliveryTitle')}</legend>
        {serverErrors.deliveryMethod && <p className="field__error">{serverErrors.deliveryMethod}</p>}
        {DELIVERY_METHODS.map((method) => {
          const id = `delivery-${method}`;
          const disabled = method === 'online' && !acceptsOnlineResult;
          return (
            <div key={method} className="choice">
              <input
                id={id}
                type="radio"
                name="deliveryMethod"
                className="choice__input"
                value={method}
                checked={deliveryMethod === method}
                disabled={disabled}
                onChange={() => setDeliveryMethod(method)}
              />
              <label htmlFor={id} className="choice__label">
                <span className="choice__title">{t(`procedures.delivery.${method}`)}</span>
                <span className="choice__description">{disabled ? t('procedures.delivery.onlineUnavailable') : t(`procedures.deliveryHint.${method}`)}</span>
              </label>
            </div>
          );
        })}
      </fieldset>

      <button type="submit" className="button button--primary button--block" disabled={request.isSubmitting || uploads.isUploading}>
        {request.isSubmitting ? t('procedures.form.submitting') : channel === 'in_person' ? t('procedures.form.submitDesk') : t('procedures.form.submit')}
      </button>
      {uploads.isUploading && <p className="note">{t('procedures.validation.filesUploading')}</p>}
    </form>
  );
}
