import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/text-field.tsx';

/** The unit a report goes to, typed as its code with suggestions from the agency list (datalist). */
export function UnitCodeField({ unitListId, value, onChange, error }: { unitListId: string; value: string; onChange: (code: string) => void; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('reports.queue.unitCode')}
      hint={t('reports.queue.unitCodeHint')}
      list={unitListId}
      autoCapitalize="characters"
      spellCheck={false}
      required
      value={value}
      onChange={(event) => onChange(event.target.value.toUpperCase())}
      error={error}
    />
  );
}
