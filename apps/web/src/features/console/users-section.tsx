import { useTranslation } from 'react-i18next';
import { USERS_PATH, type UserList } from './console.api.ts';
import { ListPage, ListTable } from './list-page.tsx';

/** /console/admin/users: the accounts, read-only for now. */
export function UsersSection() {
  const { t } = useTranslation();
  return (
    <ListPage<UserList> title={t('console.users')} path={USERS_PATH} isReadOnly>
      {({ items, total }) => (
        <ListTable
          caption={t('console.usersShown', { shown: items.length, total })}
          columns={[
            t('console.userColumns.name'),
            t('console.userColumns.contact'),
            t('console.userColumns.verified'),
            t('console.userColumns.roles'),
          ]}
        >
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
        </ListTable>
      )}
    </ListPage>
  );
}
