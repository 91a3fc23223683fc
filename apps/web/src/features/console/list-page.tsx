import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';

/**
 * A console page showing a list from GET /api/v1<path>: its title, a "read-only" note when asked,
 * loading and error states, and "nothing here" when the list is empty; `children` draws a non-empty list.
 */
export function ListPage<List extends { items: readonly unknown[] }>({
  title,
  path,
  isReadOnly = false,
  children,
}: {
  title: string;
  path: string;
  isReadOnly?: boolean;
  children: (list: List) => ReactNode;
}) {
  const { t } = useTranslation();
  const [resource, reload] = useApiResource<List>(path);
  return (
    <section className="page">
      <PageTitle>{title}</PageTitle>
      {isReadOnly && <p className="note">{t('console.readOnly')}</p>}
      <ResourceView resource={resource} reload={reload}>
        {(list) => (list.items.length === 0 ? <p>{t('console.empty')}</p> : children(list))}
      </ResourceView>
    </section>
  );
}

/**
 * A table under its caption ("n of total shown"). The table scrolls sideways on narrow screens; the
 * scrolling region is named by the caption and can take keyboard focus.
 */
export function ListTable({
  caption,
  columns,
  isCompact = false,
  children,
}: {
  caption: string;
  columns: readonly string[];
  isCompact?: boolean;
  /** The body rows. */
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    <>
      <p id={captionId}>{caption}</p>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className={isCompact ? 'table table--compact' : 'table'}>
          <thead>
            <tr>
              {columns.map((column, index) => (
                // The columns are fixed, and two may share a label.
                <th key={index} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </>
  );
}
