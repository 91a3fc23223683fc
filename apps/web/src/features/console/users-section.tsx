import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { USERS_PATH, type UserList } from './console.api.ts';

/** /console/admin/users: the accounts, read-only for now. */
export function UsersSection() {
  const { t } = useTranslation();
  const [resource, reload] = useApiResource<UserList>(USERS_PATH);
  return (
    <section className="page">
      <PageTitle>{t('console.users')}</PageTitle>
      <p className="note">{t('console.readOnly')}</p>
      <ResourceView resource={resource} reload={reload}>
        {({ items, total }) =>
          items.length === 0 ? (
            <p>{t('console.empty')}</p>
          ) : (
            <>
              <p id="users-caption">{t('console.usersShown', { shown: items.length, total })}</p>
              <div className="table-scroll" role="region" aria-labelledby="users-caption" tabIndex={0}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('console.userColumns.name')}</th>
                      <th scope="col">{t('console.userColumns.contact')}</th>
                      <th scope="col">{t('console.userColumns.verified')}</th>
                      <th scope="col">{t('console.userColumns.roles')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((user) => (
                      <tr key={user.id}>
                        <th scope="row">{user.fullName}</th>
                        <td>{[user.email, user.phone].filter(Boolean).join(' · ') || t('common.notProvided')}</td>
                        <td>{user.isVerified ? t('console.yes') : t('console.no')}</td>
                        <td>
                          {user.roles
                            .map((grant) =>
                              grant.agencyCode ? `${t(`roles.${grant.role}`)} (${grant.agencyCode})` : t(`roles.${grant.role}`),
                            )
                            .join(', ')}
                        </td>
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
