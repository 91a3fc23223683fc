import type { LatLng } from '../../components/map/areas.ts';
import type { DeviceStore } from './device-store.ts';

/**
 * The report a citizen is writing, kept on the device so a reload, a crash or a lost connection costs nothing.
 * Uploaded photos are kept by id for a day only: after that the server may have discarded unattached uploads.
 * Photos chosen without a connection are kept whole in the device store (`deviceKey`) until they are uploaded.
 */
export type DraftPhoto = UploadedDraftPhoto | DeviceDraftPhoto;
export type UploadedDraftPhoto = {
  photoId: string;
  /** ISO instant of the upload. */
  uploadedAt: string;
  /** A small JPEG data URL to show after a reload, when the original file is gone. */
  thumbnail?: string;
};
export type DeviceDraftPhoto = {
  /** The key of the picture (a Blob) in the device store. */
  deviceKey: string;
  /** ISO instant it was chosen. */
  addedAt: string;
  thumbnail?: string;
};

export type ReportDraft = {
  categoryCode: string;
  description: string;
  answers: Record<string, string>;
  location: LatLng | null;
  address: string;
  isUrgent: boolean;
  photos: DraftPhoto[];
};

export const EMPTY_DRAFT: ReportDraft = { categoryCode: '', description: '', answers: {}, location: null, address: '', isUrgent: false, photos: [] };
export const DRAFT_PHOTO_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const DRAFT_VERSION = 1;

/** The storage key; one draft per account, since photo ids belong to the account that uploaded them. */
export const draftKey = (userId: string) => `onecity.reports.draft.${userId}`;
/** Keys of the draft's photos kept in the device store start with this. */
export const draftPhotoPrefix = (userId: string) => `reports.draft-photo.${userId}.`;

/** localStorage, or undefined where it is blocked (private mode, strict settings): the form then works without drafts. */
export function findStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Whether there is nothing worth keeping. */
export function isDraftEmpty(draft: ReportDraft): boolean {
  return (
    draft.categoryCode === '' &&
    draft.description.trim() === '' &&
    Object.values(draft.answers).every((value) => value.trim() === '') &&
    draft.location === null &&
    draft.address.trim() === '' &&
    !draft.isUrgent &&
    draft.photos.length === 0
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

function readLocation(value: unknown): LatLng | null {
  if (!isRecord(value)) return null;
  const { lat, lng } = value;
  return typeof lat === 'number' && typeof lng === 'number' && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
}

function readPhotos(value: unknown, now: number, userId: string): DraftPhoto[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((photo): DraftPhoto[] => {
    if (!isRecord(photo)) return [];
    const thumbnail = typeof photo.thumbnail === 'string' && photo.thumbnail.startsWith('data:image/') ? { thumbnail: photo.thumbnail } : {};
    // A photo kept on the device does not expire: nothing on the server can discard it.
    if (typeof photo.deviceKey === 'string' && photo.deviceKey.startsWith(draftPhotoPrefix(userId)) && typeof photo.addedAt === 'string') {
      return [{ deviceKey: photo.deviceKey, addedAt: photo.addedAt, ...thumbnail }];
    }
    if (typeof photo.photoId !== 'string' || typeof photo.uploadedAt !== 'string') return [];
    const uploadedAt = Date.parse(photo.uploadedAt);
    if (!(now - uploadedAt < DRAFT_PHOTO_MAX_AGE_MS)) return [];
    return [{ photoId: photo.photoId, uploadedAt: photo.uploadedAt, ...thumbnail }];
  });
}

/**
 * The saved draft, with photos older than a day left out; undefined when there is none or it cannot be read.
 * Anything malformed (another version, a hand-edited value) is read field by field rather than trusted.
 */
export function loadDraft(storage: Storage | undefined, userId: string, now = Date.now()): ReportDraft | undefined {
  let raw: string | null;
  try {
    raw = storage?.getItem(draftKey(userId)) ?? null;
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || parsed.version !== DRAFT_VERSION) return undefined;
  const answers = isRecord(parsed.answers)
    ? Object.fromEntries(Object.entries(parsed.answers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
    : {};
  const draft: ReportDraft = {
    categoryCode: text(parsed.categoryCode),
    description: text(parsed.description),
    answers,
    location: readLocation(parsed.location),
    address: text(parsed.address),
    isUrgent: parsed.isUrgent === true,
    photos: readPhotos(parsed.photos, now, userId),
  };
  return isDraftEmpty(draft) ? undefined : draft;
}

/** Saves the draft (an empty one removes it). Failing to save (full or blocked storage) is not an error. */
export function saveDraft(storage: Storage | undefined, userId: string, draft: ReportDraft): void {
  try {
    if (isDraftEmpty(draft)) storage?.removeItem(draftKey(userId));
    else storage?.setItem(draftKey(userId), JSON.stringify({ version: DRAFT_VERSION, ...draft }));
  } catch {
    // Quota or privacy settings: the form keeps working, only without a copy on the device.
  }
}

/** Forgets the draft once the report is sent (or abandoned). */
export function clearDraft(storage: Storage | undefined, userId: string): void {
  try {
    storage?.removeItem(draftKey(userId));
  } catch {
    // See saveDraft.
  }
}

/**
 * Removes the draft's photos from the device store, except those still in the draft (`keep`): all of them once the
 * report is sent or abandoned, the leftovers of an earlier visit otherwise. Failing is harmless (space, not data).
 */
export async function forgetDraftPhotos(store: DeviceStore | undefined, userId: string, keep: readonly string[] = []): Promise<void> {
  try {
    if (store === undefined) return;
    const kept = new Set(keep);
    for (const key of await store.keys(draftPhotoPrefix(userId))) if (!kept.has(key)) await store.delete(key);
  } catch {
    // A store that cannot be read holds nothing we could reach either.
  }
}
