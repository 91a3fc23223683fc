import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './device-store.ts';
import { DRAFT_PHOTO_MAX_AGE_MS, EMPTY_DRAFT, clearDraft, draftKey, draftPhotoPrefix, forgetDraftPhotos, loadDraft, saveDraft, type ReportDraft } from './report-draft.ts';

const NOW = Date.parse('2026-11-29T03:00:00.000Z');
const draft: ReportDraft = {
  categoryCode: 'STREET_LIGHT',
  description: 'Đèn đường trước nhà số 12 không sáng',
  answers: { light_state: 'off', pole_number: '' },
  location: { lat: 16.4698, lng: 107.5786 },
  address: '12 Lê Lợi',
  isUrgent: true,
  photos: [
    { photoId: '8a9b7c6d-0000-4000-8000-000000000001', uploadedAt: new Date(NOW - 60_000).toISOString(), thumbnail: 'data:image/jpeg;base64,AAAA' },
    { photoId: '8a9b7c6d-0000-4000-8000-000000000002', uploadedAt: new Date(NOW - DRAFT_PHOTO_MAX_AGE_MS - 1).toISOString() },
    // Chosen offline a week ago: the picture is on the device, so it does not expire.
    { deviceKey: `${draftPhotoPrefix('user-1')}offline-1`, addedAt: new Date(NOW - 7 * DRAFT_PHOTO_MAX_AGE_MS).toISOString(), thumbnail: 'data:image/jpeg;base64,BBBB' },
  ],
};

describe('report draft', () => {
  it('survives a reload: everything comes back except photos uploaded more than a day ago', () => {
    saveDraft(window.localStorage, 'user-1', draft);
    const restored = loadDraft(window.localStorage, 'user-1', NOW);
    expect(restored).toEqual({ ...draft, photos: [draft.photos[0], draft.photos[2]] });
  });

  it("ignores a photo kept under another account's key", () => {
    saveDraft(window.localStorage, 'user-1', { ...draft, photos: [{ deviceKey: `${draftPhotoPrefix('user-2')}theirs`, addedAt: new Date(NOW).toISOString() }] });
    expect(loadDraft(window.localStorage, 'user-1', NOW)?.photos).toEqual([]);
  });

  it("removes the draft's pictures from the device store, except those it still names", async () => {
    const store = createMemoryStore();
    const blob = new Blob(['x'], { type: 'image/jpeg' });
    for (const key of [`${draftPhotoPrefix('user-1')}a`, `${draftPhotoPrefix('user-1')}b`, `${draftPhotoPrefix('user-2')}c`, 'reports.outbox.user-1']) await store.set(key, blob);
    await forgetDraftPhotos(store, 'user-1', [`${draftPhotoPrefix('user-1')}b`]);
    expect((await store.keys('')).sort()).toEqual([`${draftPhotoPrefix('user-1')}b`, `${draftPhotoPrefix('user-2')}c`, 'reports.outbox.user-1']);
    await forgetDraftPhotos(store, 'user-1');
    expect(await store.keys(draftPhotoPrefix('user-1'))).toEqual([]);
    await expect(forgetDraftPhotos(undefined, 'user-1')).resolves.toBeUndefined();
  });

  it('keeps one draft per account, since photo ids belong to the account that uploaded them', () => {
    saveDraft(window.localStorage, 'user-1', draft);
    expect(loadDraft(window.localStorage, 'user-2', NOW)).toBeUndefined();
    expect(window.localStorage.getItem(draftKey('user-1'))).not.toBeNull();
  });

  it('removes the stored copy when the draft is emptied or the report is sent', () => {
    saveDraft(window.localStorage, 'user-1', draft);
    saveDraft(window.localStorage, 'user-1', EMPTY_DRAFT);
    expect(window.localStorage.getItem(draftKey('user-1'))).toBeNull();
    saveDraft(window.localStorage, 'user-1', draft);
    clearDraft(window.localStorage, 'user-1');
    expect(loadDraft(window.localStorage, 'user-1', NOW)).toBeUndefined();
  });

  it('reads a damaged or foreign value field by field instead of trusting it', () => {
    window.localStorage.setItem(draftKey('user-1'), '{not json');
    expect(loadDraft(window.localStorage, 'user-1', NOW)).toBeUndefined();
    window.localStorage.setItem(
      draftKey('user-1'),
      JSON.stringify({ version: 1, description: 'Rác tồn đọng nhiều ngày', location: { lat: 'x' }, answers: { depth: 3, note: 'ok' }, photos: [{ photoId: 7 }], isUrgent: 'yes' }),
    );
    expect(loadDraft(window.localStorage, 'user-1', NOW)).toEqual({ ...EMPTY_DRAFT, description: 'Rác tồn đọng nhiều ngày', answers: { note: 'ok' } });
    window.localStorage.setItem(draftKey('user-1'), JSON.stringify({ version: 99, description: 'from the future' }));
    expect(loadDraft(window.localStorage, 'user-1', NOW)).toBeUndefined();
  });

  it('works without storage (blocked in private mode)', () => {
    expect(() => saveDraft(undefined, 'user-1', draft)).not.toThrow();
    expect(loadDraft(undefined, 'user-1', NOW)).toBeUndefined();
    const throwing = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => undefined } as unknown as Storage;
    expect(() => saveDraft(throwing, 'user-1', draft)).not.toThrow();
    expect(loadDraft(throwing, 'user-1', NOW)).toBeUndefined();
  });
});
