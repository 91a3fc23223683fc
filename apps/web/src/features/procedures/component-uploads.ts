import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { checkDossierFile, uploadDossierFile, type FileProblem } from './dossier-files.ts';

/** The most files one component may carry (the API's limit). */
export const MAX_FILES_PER_COMPONENT = 10;

export type FileEntry = {
  localId: string;
  name: string;
  size: number;
  status: 'uploading' | 'uploaded' | 'failed';
  fileId?: string;
  /** Kept until the upload succeeds, to try again. */
  file?: File;
  error?: unknown;
};

export type ComponentUploadState = { entries: FileEntry[]; rejected?: FileProblem | 'count' };
export type ComponentFilesBody = { componentCode: string; fileIds: string[] };

let nextLocalId = 0;
const newLocalId = () => `file-${(nextLocalId += 1)}`;

/**
 * The files of a dossier's components, keyed by component code: each file is uploaded as soon as it is chosen
 * (so filing later only attaches ids), with its upload state, a retry after a failure and removal.
 */
export function useComponentUploads(upload: (file: File) => Promise<{ fileId: string }> = uploadDossierFile) {
  const [byComponent, setByComponent] = useState<Record<string, ComponentUploadState>>({});
  const stateRef = useRef(byComponent);
  useEffect(() => {
    stateRef.current = byComponent;
  }, [byComponent]);

  const update = useCallback((code: string, change: (state: ComponentUploadState) => ComponentUploadState) => {
    setByComponent((current) => ({ ...current, [code]: change(current[code] ?? { entries: [] }) }));
  }, []);

  const updateEntry = useCallback(
    (code: string, localId: string, change: Partial<FileEntry>) =>
      update(code, (state) => ({ ...state, entries: state.entries.map((entry) => (entry.localId === localId ? { ...entry, ...change } : entry)) })),
    [update],
  );

  const send = useCallback(
    async (code: string, localId: string, file: File) => {
      updateEntry(code, localId, { status: 'uploading', error: undefined });
      try {
        const uploaded = await upload(file);
        updateEntry(code, localId, { status: 'uploaded', fileId: uploaded.fileId, file: undefined });
      } catch (error) {
        updateEntry(code, localId, { status: 'failed', error });
      }
    },
    [upload, updateEntry],
  );

  /** Adds and uploads the chosen files of one component; unusable ones are skipped and reported. */
  const add = useCallback(
    (code: string, files: readonly File[]) => {
      let problem: ComponentUploadState['rejected'];
      const room = MAX_FILES_PER_COMPONENT - (stateRef.current[code]?.entries.length ?? 0);
      const usable: File[] = [];
      for (const file of files) {
        const fileProblem = checkDossierFile(file);
        if (fileProblem) problem = fileProblem;
        else if (usable.length >= room) problem = 'count';
        else usable.push(file);
      }
      const added = usable.map((file): FileEntry => ({ localId: newLocalId(), name: file.name, size: file.size, status: 'uploading', file }));
      update(code, (state) => ({ entries: [...state.entries, ...added], ...(problem ? { rejected: problem } : {}) }));
      for (const entry of added) if (entry.file) void send(code, entry.localId, entry.file);
    },
    [send, update],
  );

  /** Adds a file of an earlier dossier (already on the server) to a component marked reusable. */
  const reuse = useCallback(
    (code: string, file: { fileId: string; fileName: string; byteSize: number }) =>
      update(code, (state) => (state.entries.some((entry) => entry.fileId === file.fileId) ? state : { entries: [...state.entries, { localId: newLocalId(), name: file.fileName, size: file.byteSize, status: 'uploaded', fileId: file.fileId }] })),
    [update],
  );

  const remove = useCallback((code: string, localId: string) => update(code, (state) => ({ entries: state.entries.filter((entry) => entry.localId !== localId) })), [update]);

  const retry = useCallback(
    (code: string, localId: string) => {
      const entry = stateRef.current[code]?.entries.find((candidate) => candidate.localId === localId);
      if (entry?.file) void send(code, localId, entry.file);
    },
    [send],
  );

  const summary = useMemo(() => {
    const all = Object.values(byComponent).flatMap((state) => state.entries);
    const body: ComponentFilesBody[] = Object.entries(byComponent)
      .map(([componentCode, state]) => ({ componentCode, fileIds: state.entries.flatMap((entry) => (entry.status === 'uploaded' && entry.fileId ? [entry.fileId] : [])) }))
      .filter((component) => component.fileIds.length > 0);
    return { body, isUploading: all.some((entry) => entry.status === 'uploading'), hasFailed: all.some((entry) => entry.status === 'failed') };
  }, [byComponent]);

  const stateOf = useCallback((code: string): ComponentUploadState => byComponent[code] ?? { entries: [] }, [byComponent]);
  const uploadedCount = useCallback((code: string) => stateOf(code).entries.filter((entry) => entry.status === 'uploaded').length, [stateOf]);

  /** The component and name of an uploaded file, by its id (to place the API's errors about it). */
  const locateFile = useCallback(
    (fileId: string) => {
      for (const [componentCode, state] of Object.entries(byComponent)) {
        const entry = state.entries.find((candidate) => candidate.fileId === fileId);
        if (entry) return { componentCode, fileName: entry.name };
      }
      return undefined;
    },
    [byComponent],
  );

  return { stateOf, uploadedCount, locateFile, add, reuse, remove, retry, ...summary };
}

export type ComponentUploads = ReturnType<typeof useComponentUploads>;
