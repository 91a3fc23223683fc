import { useTranslation } from 'react-i18next';
import type { Agency } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { compareNames } from '../../components/format.ts';
import { buildAgencyTree, type AgencyNode } from './agency-tree.ts';
import { AGENCIES_PATH, type AgencyList } from './console.api.ts';
import { ListPage } from './list-page.tsx';

/** /console/admin/agencies: the agency tree, read-only for now. */
export function AgenciesSection() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const nameOf = (agency: Agency) => (locale === 'vi' ? agency.nameVi : agency.nameEn);
  const compare = compareNames(locale);
  return (
    <ListPage<AgencyList> title={t('console.agencies')} path={AGENCIES_PATH} isReadOnly>
      {({ items }) => (
        <>
          <p>{t('console.agencyCount', { count: items.length })}</p>
          <AgencyBranch nodes={buildAgencyTree(items, (left, right) => compare(nameOf(left), nameOf(right)))} depth={0} nameOf={nameOf} />
        </>
      )}
    </ListPage>
  );
}

function AgencyBranch({ nodes, depth, nameOf }: { nodes: AgencyNode[]; depth: number; nameOf: (agency: Agency) => string }) {
  const { t } = useTranslation();
  return (
    <ul className={depth === 0 ? 'tree' : 'tree__children'}>
      {nodes.map(({ agency, children }) => {
        const label = (
          <>
            <span className="tree__name">{nameOf(agency)}</span>{' '}
            <span className="tree__meta">
              {t(`console.agencyKinds.${agency.kind}`)} · <code>{agency.code}</code>
              {!agency.isActive && ` · ${t('console.inactive')}`}
            </span>
          </>
        );
        return (
          <li key={agency.id}>
            {children.length === 0 ? (
              <div className="tree__leaf">{label}</div>
            ) : (
              // Only the top level starts open: a city has hundreds of units.
              <details open={depth === 0}>
                <summary>{label}</summary>
                <AgencyBranch nodes={children} depth={depth + 1} nameOf={nameOf} />
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
