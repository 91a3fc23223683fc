import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { compareNames } from '../../components/format.ts';
import { ResourceView } from '../../components/resource-view.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { AGENCIES_PATH, type AgencyList } from '../console/console.api.ts';
import { withRequiredMark } from './procedure-format.ts';

/** The city whose wards and communes receive ward-level procedures. */
export const CITY_AGENCY_CODE = 'HUE';
export const WARDS_PATH = `${AGENCIES_PATH}?${new URLSearchParams({ under: CITY_AGENCY_CODE })}`;

/** The active wards and communes among the agencies. */
export function wardsOf(agencies: readonly Agency[]): Agency[] {
  return agencies.filter((agency) => (agency.kind === 'ward' || agency.kind === 'commune') && agency.isActive);
}

/** The ward or commune an agency belongs to (itself, or the nearest ward/commune above it), by its path. */
export function wardOfAgency(agencies: readonly Agency[], agencyCode: string | null | undefined): string | undefined {
  if (!agencyCode) return undefined;
  const agency = agencies.find((candidate) => candidate.code === agencyCode);
  if (agency === undefined) return undefined;
  const wards = new Set(wardsOf(agencies).map((ward) => ward.code));
  return agency.path
    .split('.')
    .reverse()
    .find((code) => wards.has(code));
}

/**
 * The ward or commune that receives a ward-level procedure, from the agency directory. `preferAgencyCode` (a desk
 * officer's agency) picks its ward at first, when nothing is chosen yet.
 */
export function WardPicker({
  value,
  onChange,
  error,
  preferAgencyCodes = [],
}: {
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
  preferAgencyCodes?: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [agencies, reload] = useApiResource<AgencyList>(WARDS_PATH);
  const items = agencies.status === 'ready' ? agencies.data.items : undefined;
  const preferred = useMemo(() => {
    if (items === undefined) return undefined;
    for (const code of preferAgencyCodes) {
      const ward = wardOfAgency(items, code);
      if (ward) return ward;
    }
    return undefined;
  }, [items, preferAgencyCodes]);
  // Only once: a user who clears the choice afterwards is not overruled.
  const hasPreferred = useRef(false);
  useEffect(() => {
    if (hasPreferred.current || preferred === undefined) return;
    hasPreferred.current = true;
    if (value === '') onChange(preferred);
  }, [value, preferred, onChange]);

  return (
    <ResourceView resource={agencies} reload={reload}>
      {({ items: all }) => {
        const compare = compareNames(locale);
        const options = wardsOf(all)
          .map((ward) => ({ value: ward.code, label: locale === 'vi' ? ward.nameVi : ward.nameEn }))
          .sort((left, right) => compare(left.label, right.label));
        return (
          <SelectField
            label={withRequiredMark(t('procedures.form.ward'), true)}
            hint={t('procedures.form.wardHint')}
            name="agencyCode"
            required
            placeholder={t('procedures.form.choose')}
            options={options}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            error={error}
          />
        );
      }}
    </ResourceView>
  );
}
