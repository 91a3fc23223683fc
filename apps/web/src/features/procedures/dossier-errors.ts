import type { Problem } from '@onecity/contracts';

/** The API's field problems of a filed dossier, sorted to the part of the form each belongs to. */
export type DossierFieldErrors = {
  formData: Record<string, string>;
  applicant: Record<string, string>;
  /** By component code. */
  components: Record<string, string>;
  /** About the components as a whole ("components", or a component the form cannot place). */
  componentsGeneral?: string;
  agencyCode?: string;
  deliveryMethod?: string;
};

const capitalise = (message: string) => (message === '' ? message : message.charAt(0).toLocaleUpperCase('vi') + message.slice(1));

/**
 * Places each `errors[].field` of a problem: "formData.<name>", "applicant.<name>", "components",
 * "components.<index>…" (the index of the components array that was sent) or "components.<code>", "agencyCode",
 * "deliveryMethod". Dotted and slashed paths ("/body/applicant/phone") are both understood; the first message of a
 * field wins. The API's messages are phrases ("bắt buộc"), so they start with a capital here.
 */
export function placeDossierErrors(problem: Problem | undefined, sentComponents: readonly { componentCode: string }[] = []): DossierFieldErrors {
  const placed: DossierFieldErrors = { formData: {}, applicant: {}, components: {} };
  for (const error of problem?.errors ?? []) {
    const segments = error.field.split(/[./]/).filter((segment) => segment !== '' && segment !== 'body');
    const [head, second] = segments;
    const message = capitalise(error.message);
    if (head === 'formData' && second !== undefined) placed.formData[second] ??= message;
    else if (head === 'applicant' && second !== undefined) placed.applicant[second] ??= message;
    else if (head === 'components') {
      const code = second === undefined ? undefined : /^\d+$/.test(second) ? sentComponents[Number(second)]?.componentCode : second;
      if (code !== undefined) placed.components[code] ??= message;
      else placed.componentsGeneral ??= message;
    } else if (head === 'agencyCode') placed.agencyCode ??= message;
    else if (head === 'deliveryMethod') placed.deliveryMethod ??= message;
  }
  return placed;
}

/** What the form knows to make the API's domain errors readable: its own sentences, and where each uploaded file is. */
export type ErrorHints = {
  fileRequired: string;
  ward: string;
  fileUnusable: (fileName: string) => string;
  locateFile: (fileId: string) => { componentCode: string; fileName: string } | undefined;
};

/**
 * Rewrites the field problems of the API's domain errors, whose messages are terse and not localised, before they
 * are placed: a missing component ("components.<code>": "required"), a ward that is not one ("agencyCode"), and a
 * file that cannot be used ("components": "<fileId>"), which goes to the component holding that file.
 */
export function refineDossierProblem(problem: Problem, hints: ErrorHints): Problem {
  const errors = (problem.errors ?? []).map((error) => {
    if (problem.code === 'dossiers.missing_components' && error.field.startsWith('components.')) return { ...error, message: hints.fileRequired };
    if (problem.code === 'dossiers.agency_required' && error.field === 'agencyCode') return { ...error, message: hints.ward };
    if ((problem.code === 'dossiers.file_unusable' || problem.code === 'dossiers.file_not_found') && error.field === 'components') {
      const file = hints.locateFile(error.message);
      if (file) return { field: `components.${file.componentCode}`, message: hints.fileUnusable(file.fileName) };
    }
    return error;
  });
  return { ...problem, errors };
}
