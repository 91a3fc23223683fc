import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { AUDIT_PATH, type AuditList } from './console.api.ts';

const isRole = (value: string | null): value is Role => value !== null && (ROLES as readonly string[]).includes(value);

/** /console/audit: the audit log, newest first as the API returns it. */
export function AuditSection() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [resource, reload] = useApiResource<AuditList>(AUDIT_PATH);
  return (
    <section className="page">
      <PageTitle>{t('console.audit')}</PageTitle>
      <ResourceView resource={resource} reload={reload}>
        {({ items, total }) =>
          items.length === 0 ? (
            <p>{t('console.empty')}</p>
          ) : (
            <>
              <p id="audit-caption">{t('console.auditShown', { shown: items.length, total })}</p>
              <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
                <table className="table table--compact">
                  <thead>
                    <tr>
                      <th scope="col">{t('console.auditColumns.at')}</th>
                      <th scope="col">{t('console.auditColumns.actor')}</th>
                      <th scope="col">{t('console.auditColumns.action')}</th>
                      <th scope="col">{t('console.auditColumns.target')}</th>
                      <th scope="col">{t('console.auditColumns.ip')}</th>
                      <th scope="col">{t('console.auditColumns.requestId')}</th>
                    </tr>
                  </thead>
                  <tbody>
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
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </ResourceView>
    </section>
  );
}
