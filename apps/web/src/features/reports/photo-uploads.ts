import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { NetworkError } from '../../app/api.ts';
import type { DeviceStore } from './device-store.ts';
import { draftPhotoPrefix, forgetDraftPhotos, type DraftPhoto } from './report-draft.ts';
import { uploadReportPhoto } from './reports.api.ts';

export const ACCEPTED_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS = 5;
const THUMBNAIL_EDGE = 160;

export type PhotoEntry = {
  /** Identifies the entry in the list, before and after upload. */
  localId: string;
  /** `waiting`: chosen without a connection, kept on the device and sent with the report. */
  status: 'uploading' | 'uploaded' | 'failed' | 'waiting';
  photoId?: string;
  uploadedAt?: string;
  /** An object URL of the chosen file (this visit only). */
  previewUrl?: string;
  /** A small data URL that survives a reload in the draft. */
  thumbnail?: string;
  /** Kept until the upload succeeds, to try again or to send with the report (undefined while a kept one is read back). */
  file?: Blob;
  /** Where a waiting photo is kept in the device store, so a reload does not lose it. */
  deviceKey?: string;
  addedAt?: string;
  error?: unknown;
};

/** Keeps photos chosen without a connection on the device (the report form); without it an upload that fails is just failed. */
export type OfflinePhotos = { store: DeviceStore | undefined; userId: string };

export type PhotoProblem = 'type' | 'size' | 'count';

/** Why a chosen file cannot be sent, or undefined when it can (the API checks the content again). */
export function checkPhotoFile(file: File): PhotoProblem | undefined {
  if (!(ACCEPTED_PHOTO_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > MAX_PHOTO_BYTES) return 'size';
  return undefined;
}

/**
 * A small JPEG data URL of the picture for the draft, or undefined where the browser cannot make one
 * (no createImageBitmap or canvas): the draft then keeps the photo id without a preview.
 */
export async function makeThumbnail(file: Blob): Promise<string | undefined> {
  try {
    if (typeof createImageBitmap !== 'function') return undefined;
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, THUMBNAIL_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (context === null) return undefined;
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const url = canvas.toDataURL('image/jpeg', 0.7);
    return url.startsWith('data:image/jpeg') ? url : undefined;
  } catch {
    return undefined;
  }
}

let nextLocalId = 0;
const newLocalId = () => `photo-${(nextLocalId += 1)}`;
const uniquePart = () => (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

function entryOf(photo: DraftPhoto): PhotoEntry {
  if ('deviceKey' in photo) return { localId: newLocalId(), status: 'waiting', deviceKey: photo.deviceKey, addedAt: photo.addedAt, thumbnail: photo.thumbnail };
  return { localId: newLocalId(), status: 'uploaded', photoId: photo.photoId, uploadedAt: photo.uploadedAt, thumbnail: photo.thumbnail };
}

/**
 * The photos of a form: each file is uploaded as soon as it is chosen (so sending the report later only
 * attaches ids), with a preview, a retry after a failure, and removal. `initial` restores a draft's photos. With
 * `offline`, a photo chosen without a connection waits on the device (in the store, so it survives a reload) and
 * goes with the report; it is uploaded when the citizen tries it again or sends the report.
 */
export function usePhotoUploads(kind: 'before' | 'after', initial: readonly DraftPhoto[] = [], offline?: OfflinePhotos) {
  const [entries, setEntries] = useState<PhotoEntry[]>(() => initial.map(entryOf));
  const offlineRef = useRef(offline);
  const removedRef = useRef(new Set<string>());
  const [rejected, setRejected] = useState<PhotoProblem | undefined>(undefined);
  const entriesRef = useRef(entries);
  useEffect(() => {
    entriesRef.current = entries;
  }, [entries]);
  // Object URLs hold the file in memory until revoked.
  useEffect(() => () => entriesRef.current.forEach((entry) => entry.previewUrl && URL.revokeObjectURL(entry.previewUrl)), []);

  const update = (localId: string, change: Partial<PhotoEntry>) =>
    setEntries((current) => current.map((entry) => (entry.localId === localId ? { ...entry, ...change } : entry)));

  // The draft's waiting photos are read back from the device store; those it no longer has are dropped, and
  // pictures left there by an earlier visit that the draft does not name are removed.
  useEffect(() => {
    const keeper = offlineRef.current;
    const kept = entriesRef.current.filter((entry) => entry.status === 'waiting' && entry.deviceKey !== undefined && entry.file === undefined);
    if (keeper === undefined) return;
    void forgetDraftPhotos(keeper.store, keeper.userId, entriesRef.current.flatMap((entry) => (entry.deviceKey ? [entry.deviceKey] : [])));
    for (const entry of kept) {
      void (async () => {
        const value = await keeper.store?.get(entry.deviceKey ?? '').catch(() => undefined);
        if (value instanceof Blob) {
          update(entry.localId, { file: value, previewUrl: typeof URL.createObjectURL === 'function' ? URL.createObjectURL(value) : undefined });
        } else {
          setEntries((current) => current.filter((candidate) => candidate.localId !== entry.localId));
        }
      })();
    }
  }, []);

  /** Keeps a photo that could not be uploaded on the device, to go with the report. */
  const keepWaiting = useCallback(async (localId: string, file: Blob) => {
    const keeper = offlineRef.current;
    const addedAt = new Date().toISOString();
    update(localId, { status: 'waiting', error: undefined, addedAt });
    const thumbnail = await makeThumbnail(file);
    const deviceKey = `${draftPhotoPrefix(keeper?.userId ?? '')}${uniquePart()}`;
    try {
      if (keeper?.store === undefined) throw new Error('no device store');
      await keeper.store.set(deviceKey, file);
      // Removed meanwhile: the kept copy goes too.
      if (removedRef.current.has(localId)) await keeper.store.delete(deviceKey);
      else update(localId, { deviceKey, thumbnail });
    } catch {
      // Not kept across a reload, but still sent with the report from this page.
      update(localId, { thumbnail });
    }
  }, []);

  const upload = useCallback(
    async (localId: string, file: Blob) => {
      const keeper = offlineRef.current;
      const previous = entriesRef.current.find((entry) => entry.localId === localId);
      if (keeper !== undefined && typeof navigator !== 'undefined' && navigator.onLine === false) {
        if (previous?.status !== 'waiting') await keepWaiting(localId, file);
        return;
      }
      update(localId, { status: 'uploading', error: undefined });
      try {
        const [uploaded, thumbnail] = await Promise.all([uploadReportPhoto(file, kind), makeThumbnail(file)]);
        update(localId, { status: 'uploaded', photoId: uploaded.photoId, uploadedAt: new Date().toISOString(), thumbnail, file: undefined, deviceKey: undefined });
        if (previous?.deviceKey) await keeper?.store?.delete(previous.deviceKey).catch(() => undefined);
      } catch (error) {
        if (keeper !== undefined && error instanceof NetworkError) {
          if (previous?.deviceKey) update(localId, { status: 'waiting' });
          else await keepWaiting(localId, file);
        } else update(localId, { status: 'failed', error });
      }
    },
    [kind, keepWaiting],
  );

  /** Adds and uploads the chosen files, up to MAX_PHOTOS in all; unusable files are skipped and reported. */
  const add = useCallback(
    (files: readonly File[]) => {
      let problem: PhotoProblem | undefined;
      const room = MAX_PHOTOS - entriesRef.current.length;
      const usable: File[] = [];
      for (const file of files) {
        const fileProblem = checkPhotoFile(file);
        if (fileProblem) problem = fileProblem;
        else if (usable.length >= room) problem = 'count';
        else usable.push(file);
      }
      setRejected(problem);
      const added = usable.map((file): PhotoEntry => ({
        localId: newLocalId(),
        status: 'uploading',
        file,
        previewUrl: typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : undefined,
      }));
      setEntries((current) => [...current, ...added]);
      for (const entry of added) if (entry.file) void upload(entry.localId, entry.file);
    },
    [upload],
  );

  const remove = useCallback((localId: string) => {
    setRejected(undefined);
    removedRef.current.add(localId);
    const removed = entriesRef.current.find((entry) => entry.localId === localId);
    if (removed?.previewUrl) URL.revokeObjectURL(removed.previewUrl);
    if (removed?.deviceKey) void offlineRef.current?.store?.delete(removed.deviceKey).catch(() => undefined);
    setEntries((current) => current.filter((entry) => entry.localId !== localId));
  }, []);

  const retry = useCallback(
    (localId: string) => {
      const entry = entriesRef.current.find((candidate) => candidate.localId === localId);
      if (entry?.file) void upload(localId, entry.file);
    },
    [upload],
  );

  const clear = useCallback(() => {
    entriesRef.current.forEach((entry) => entry.previewUrl && URL.revokeObjectURL(entry.previewUrl));
    setEntries([]);
    setRejected(undefined);
  }, []);

  const { photoIds, waitingFiles, draftPhotos } = useMemo(() => {
    const uploaded = entries.filter((entry): entry is PhotoEntry & { photoId: string; uploadedAt: string } => entry.status === 'uploaded' && !!entry.photoId && !!entry.uploadedAt);
    const waiting = entries.filter((entry) => entry.status === 'waiting');
    const thumbnailOf = (entry: PhotoEntry) => (entry.thumbnail ? { thumbnail: entry.thumbnail } : {});
    return {
      photoIds: uploaded.map((entry) => entry.photoId),
      waitingFiles: waiting.flatMap((entry) => (entry.file ? [entry.file] : [])),
      draftPhotos: entries.flatMap((entry): DraftPhoto[] => {
        if (entry.status === 'uploaded' && entry.photoId && entry.uploadedAt) return [{ photoId: entry.photoId, uploadedAt: entry.uploadedAt, ...thumbnailOf(entry) }];
        if (entry.status === 'waiting' && entry.deviceKey && entry.addedAt) return [{ deviceKey: entry.deviceKey, addedAt: entry.addedAt, ...thumbnailOf(entry) }];
        return [];
      }),
    };
  }, [entries]);
  return {
    entries,
    rejected,
    add,
    remove,
    retry,
    clear,
    photoIds,
    /** Photos waiting on the device, to upload when the report is sent. */
    waitingFiles,
    draftPhotos,
    // A kept photo still being read back counts as not ready, like an upload in progress.
    isUploading: entries.some((entry) => entry.status === 'uploading' || (entry.status === 'waiting' && entry.file === undefined)),
    hasFailed: entries.some((entry) => entry.status === 'failed'),
  };
}
