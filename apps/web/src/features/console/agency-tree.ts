import type { Agency } from '@onecity/contracts';

export type AgencyNode = { agency: Agency; children: AgencyNode[] };

/**
 * Arranges the flat agency list into a tree by parentId. An agency whose parent is missing from the list
 * (e.g. outside the viewer's subtree) becomes a root, so nothing is silently dropped.
 */
export function buildAgencyTree(agencies: readonly Agency[], compare: (left: Agency, right: Agency) => number): AgencyNode[] {
  const nodes = new Map<string, AgencyNode>(agencies.map((agency) => [agency.id, { agency, children: [] }]));
  const roots: AgencyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.agency.parentId === null ? undefined : nodes.get(node.agency.parentId);
    if (parent === undefined || parent === node) roots.push(node);
    else parent.children.push(node);
  }
  const sort = (list: AgencyNode[]) => {
    list.sort((left, right) => compare(left.agency, right.agency));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}
