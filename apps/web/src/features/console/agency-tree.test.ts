import { describe, expect, it } from 'vitest';
import type { Agency } from '@onecity/contracts';
import { buildAgencyTree } from './agency-tree.ts';

const agency = (id: string, parentId: string | null, nameVi: string): Agency => ({
  id,
  code: id.toUpperCase(),
  nameVi,
  nameEn: nameVi,
  kind: parentId === null ? 'city' : 'ward',
  parentId,
  path: id,
  isActive: true,
});

describe('buildAgencyTree', () => {
  it('nests agencies under their parents and sorts siblings', () => {
    const tree = buildAgencyTree(
      [agency('b', 'root', 'Phường Thuận Hóa'), agency('root', null, 'Thành phố Huế'), agency('a', 'root', 'Phường An Cựu')],
      (left, right) => left.nameVi.localeCompare(right.nameVi, 'vi'),
    );
    expect(tree.map((node) => node.agency.id)).toEqual(['root']);
    expect(tree[0]?.children.map((node) => node.agency.id)).toEqual(['a', 'b']);
  });

  it('keeps agencies whose parent is not in the list as roots', () => {
    const tree = buildAgencyTree([agency('orphan', 'missing', 'Đơn vị lẻ')], () => 0);
    expect(tree.map((node) => node.agency.id)).toEqual(['orphan']);
  });
});
