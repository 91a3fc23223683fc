import { useTranslation } from 'react-i18next';
import { ROLES, type AuditList, type Role } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { formatDateTime } from '../../components/format.ts';
import { AUDIT_PATH } from './console.api.ts';
import { ListPage, ListTable } from './list-page.tsx';

const isRole = (value: string | null): value is Role => value !== null && (ROLES as readonly string[]).includes(value);

/** /console/audit: the audit log, newest first as the API returns it. */
export function AuditSection() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <ListPage<AuditList> title={t('console.audit')} path={AUDIT_PATH}>
      {({ items, total }) => (
        <ListTable
          caption={t('console.auditShown', { shown: items.length, total })}
          columns={[
            t('console.auditColumns.at'),
            t('console.auditColumns.actor'),
            t('console.auditColumns.action'),
            t('console.auditColumns.target'),
            t('console.auditColumns.ip'),
            t('console.auditColumns.requestId'),
          ]}
          isCompact
        >
          {items.map((entry) => (
            <tr key={entry.seq}>
              <td>
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              </td>
              <td>
                {entry.actorId === null ? (
                  t('console.systemActor')
                ) : (
                  <>
                    <code>{entry.actorId}</code>
                    {entry.actorRole !== null && (
                      <> ({isRole(entry.actorRole) ? t(`roles.${entry.actorRole}`) : entry.actorRole})</>
                    )}
                  </>
                )}
              </td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>
                {entry.targetType}
                {entry.targetId !== null && (
                  <>
                    {' '}
                    <code>{entry.targetId}</code>
                  </>
                )}
              </td>
              <td>{entry.ip ?? '—'}</td>
              <td>{entry.requestId === null ? '—' : <code>{entry.requestId}</code>}</td>
            </tr>
          ))}
        </ListTable>
      )}
    </ListPage>
  );
}
