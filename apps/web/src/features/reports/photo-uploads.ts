import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DraftPhoto } from './report-draft.ts';
import { uploadReportPhoto } from './reports.api.ts';

export const ACCEPTED_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS = 5;
const THUMBNAIL_EDGE = 160;

export type PhotoEntry = {
  /** Identifies the entry in the list, before and after upload. */
  localId: string;
  status: 'uploading' | 'uploaded' | 'failed';
  photoId?: string;
  uploadedAt?: string;
  /** An object URL of the chosen file (this visit only). */
  previewUrl?: string;
  /** A small data URL that survives a reload in the draft. */
  thumbnail?: string;
  /** Kept until the upload succeeds, to try again. */
  file?: File;
  error?: unknown;
};

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

/**
 * The photos of a form: each file is uploaded as soon as it is chosen (so sending the report later only
 * attaches ids), with a preview, a retry after a failure, and removal. `initial` restores a draft's photos.
 */
export function usePhotoUploads(kind: 'before' | 'after', initial: readonly DraftPhoto[] = []) {
  const [entries, setEntries] = useState<PhotoEntry[]>(() =>
    initial.map((photo) => ({ localId: newLocalId(), status: 'uploaded', photoId: photo.photoId, uploadedAt: photo.uploadedAt, thumbnail: photo.thumbnail })),
  );
  const [rejected, setRejected] = useState<PhotoProblem | undefined>(undefined);
  const entriesRef = useRef(entries);
  useEffect(() => {
    entriesRef.current = entries;
  }, [entries]);
  // Object URLs hold the file in memory until revoked.
  useEffect(() => () => entriesRef.current.forEach((entry) => entry.previewUrl && URL.revokeObjectURL(entry.previewUrl)), []);

  const update = (localId: string, change: Partial<PhotoEntry>) =>
    setEntries((current) => current.map((entry) => (entry.localId === localId ? { ...entry, ...change } : entry)));

  const upload = useCallback(
    async (localId: string, file: File) => {
      update(localId, { status: 'uploading', error: undefined });
      try {
        const [uploaded, thumbnail] = await Promise.all([uploadReportPhoto(file, kind), makeThumbnail(file)]);
        update(localId, { status: 'uploaded', photoId: uploaded.photoId, uploadedAt: new Date().toISOString(), thumbnail, file: undefined });
      } catch (error) {
        update(localId, { status: 'failed', error });
      }
    },
    [kind],
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
    setEntries((current) => {
      const removed = current.find((entry) => entry.localId === localId);
      if (removed?.previewUrl) URL.revokeObjectURL(removed.previewUrl);
      return current.filter((entry) => entry.localId !== localId);
    });
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

  const { photoIds, draftPhotos } = useMemo(() => {
    const uploaded = entries.filter((entry): entry is PhotoEntry & { photoId: string; uploadedAt: string } => entry.status === 'uploaded' && !!entry.photoId && !!entry.uploadedAt);
    return {
      photoIds: uploaded.map((entry) => entry.photoId),
      draftPhotos: uploaded.map((entry): DraftPhoto => ({ photoId: entry.photoId, uploadedAt: entry.uploadedAt, ...(entry.thumbnail ? { thumbnail: entry.thumbnail } : {}) })),
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
    draftPhotos,
    isUploading: entries.some((entry) => entry.status === 'uploading'),
    hasFailed: entries.some((entry) => entry.status === 'failed'),
  };
}
