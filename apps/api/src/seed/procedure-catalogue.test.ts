/**
 * The demo procedure catalogue is valid: every entry matches the ProcedureInput contract, its workflow adds up and
 * runs at agencies that exist in the demo city, its form compiles, and its result template only uses known
 * placeholders. Runs under `node --test` and, unchanged, under the vitest suite (`npm test`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { ProcedureInput } from '@onecity/contracts';
import { Value } from 'typebox/value';
import { HUE_AGENCIES, HUE_AREAS, wardUnits } from './hue-data.ts';
import { PROCEDURE_CATALOGUE } from './procedure-catalogue.ts';


const APPLICANT_FIELDS = ['fullName', 'idNumber', 'phone', 'email', 'address'];
const OTHER_PLACEHOLDERS = ['dossier.code', 'agency.nameVi', 'procedure.nameVi', 'date'];
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

const ajv = new Ajv({ strict: false, allErrors: true });
(formatsPlugin as unknown as (instance: Ajv) => void)(ajv);

const agencyCodes = new Set(HUE_AGENCIES.map((agency) => agency.code));
const sampleWard = HUE_AREAS[0];
if (!sampleWard) throw new Error('the demo city has no wards');
const sampleWardAgencies = new Set([sampleWard.code, ...wardUnits(sampleWard).map((unit) => unit.code), ...agencyCodes]);

interface FormProperty {
  type?: string;
  title?: unknown;
  'x-title-en'?: unknown;
  enum?: unknown[];
  'x-enum-labels-vi'?: unknown[];
  'x-enum-labels-en'?: unknown[];
  format?: string;
  minimum?: number;
  minLength?: number;
}

function propertiesOf(schema: Record<string, unknown>): Record<string, FormProperty> {
  return (schema.properties ?? {}) as Record<string, FormProperty>;
}

/** The agency a step runs at, resolved as the procedures service does, for a sample ward or the department. */
function stepAgency(ref: string, level: 'ward' | 'department', implementing: string): string {
  if (ref === 'desk') return level === 'ward' ? `${implementing}_HCC` : 'TTHCC';
  if (ref === 'self') return implementing;
  if (ref.startsWith('unit:')) return `${implementing}_${ref.slice('unit:'.length)}`;
  return ref.slice('agency:'.length);
}

/** Every string in a value, with its path. */
function* stringsOf(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* stringsOf(item, `${path}[${index}]`);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* stringsOf(item, `${path}.${key}`);
}

/** A minimal answer to a form: every required field filled with the smallest valid value. */
function sampleAnswers(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = propertiesOf(schema);
  const answers: Record<string, unknown> = {};
  for (const name of schema.required as string[]) {
    const property = properties[name] ?? {};
    if (property.enum) answers[name] = property.enum[0];
    else if (property.format === 'date') answers[name] = '2025-07-01';
    else if (property.type === 'integer') answers[name] = property.minimum ?? 1;
    else if (property.type === 'boolean') answers[name] = true;
    else answers[name] = '1'.repeat(property.minLength ?? 1);
  }
  return answers;
}

describe('procedure catalogue', () => {
  it('has about twenty procedures with unique codes, at ward and department level', () => {
    assert.ok(PROCEDURE_CATALOGUE.length >= 18, `only ${PROCEDURE_CATALOGUE.length} procedures`);
    const codes = PROCEDURE_CATALOGUE.map((procedure) => procedure.code);
    assert.deepEqual(codes.filter((code, index) => codes.indexOf(code) !== index), []);
    assert.ok(PROCEDURE_CATALOGUE.some((procedure) => procedure.level === 'ward'));
    assert.ok(PROCEDURE_CATALOGUE.some((procedure) => procedure.level === 'department'));
    for (const required of ['1.001193', '1.000894', '1.000656', '1.004873', '2.000635', '2.000815', '2.000884', '1.001612', '1.013225']) {
      assert.ok(codes.includes(required), `missing ${required}`);
    }
  });

  it('matches the ProcedureInput contract', () => {
    for (const procedure of PROCEDURE_CATALOGUE) {
      const errors = [...Value.Errors(ProcedureInput, procedure)].map((error) => JSON.stringify(error));
      assert.deepEqual(errors, [], procedure.code);
      assert.ok(Value.Check(ProcedureInput, procedure), procedure.code);
    }
  });

  it('writes Vietnamese in NFC', () => {
    for (const procedure of PROCEDURE_CATALOGUE) {
      for (const [path, text] of stringsOf(procedure, procedure.code)) assert.equal(text, text.normalize('NFC'), path);
    }
  });

  it('names the department of a department procedure and no agency for a ward procedure', () => {
    for (const procedure of PROCEDURE_CATALOGUE) {
      if (procedure.level === 'ward') assert.equal(procedure.agencyCode, null, procedure.code);
      else {
        const agency = HUE_AGENCIES.find((candidate) => candidate.code === procedure.agencyCode);
        assert.equal(agency?.kind, 'department', `${procedure.code}: ${procedure.agencyCode}`);
      }
    }
  });

  it('has unique component codes', () => {
    for (const procedure of PROCEDURE_CATALOGUE) {
      const codes = procedure.components.map((component) => component.code);
      assert.equal(new Set(codes).size, codes.length, procedure.code);
      assert.ok(procedure.components.some((component) => component.isRequired), `${procedure.code} requires no document`);
    }
  });

  it('has workflows in order whose shares add up to 100', () => {
    for (const procedure of PROCEDURE_CATALOGUE) {
      const { workflow } = procedure;
      const codes = workflow.map((step) => step.code);
      assert.equal(new Set(codes).size, codes.length, `${procedure.code}: duplicate step codes`);
      assert.equal(workflow.reduce((sum, step) => sum + step.share, 0), 100, `${procedure.code}: shares`);
      assert.equal(workflow[0]?.kind, 'reception', `${procedure.code}: first step`);
      const approvalIndex = workflow.findIndex((step) => step.kind === 'approval');
      assert.ok(approvalIndex > 0, `${procedure.code}: no approval`);
      assert.ok(workflow.slice(approvalIndex + 1).every((step) => step.kind === 'result'), `${procedure.code}: only the result may follow the approval`);
      for (const step of workflow) {
        const role = step.kind === 'approval' ? 'unit_lead' : step.kind === 'review' ? 'officer' : 'desk_officer';
        assert.equal(step.role, role, `${procedure.code}/${step.code}: role`);
      }
    }
  });

  it('runs every step at an agency of the demo city', () => {
    for (const procedure of PROCEDURE_CATALOGUE) {
      const implementing = procedure.level === 'ward' ? sampleWard.code : (procedure.agencyCode ?? '');
      const known = procedure.level === 'ward' ? sampleWardAgencies : agencyCodes;
      for (const step of procedure.workflow) {
        const agency = stepAgency(step.agency, procedure.level, implementing);
        assert.ok(known.has(agency), `${procedure.code}/${step.code}: ${step.agency} → ${agency} does not exist`);
      }
    }
    assert.ok(
      PROCEDURE_CATALOGUE.some((procedure) => procedure.workflow.some((step) => step.agency.startsWith('agency:'))),
      'no procedure has a step at another agency',
    );
  });

  it('has application forms that compile and describe themselves in both languages', () => {
    for (const procedure of PROCEDURE_CATALOGUE) {
      const schema = procedure.formSchema;
      assert.equal(schema.type, 'object', procedure.code);
      assert.equal(schema.additionalProperties, false, procedure.code);
      const properties = propertiesOf(schema);
      const names = Object.keys(properties);
      assert.ok(names.length >= 3 && names.length <= 8, `${procedure.code}: ${names.length} fields`);
      assert.ok(Array.isArray(schema.required), procedure.code);
      for (const name of schema.required as string[]) assert.ok(names.includes(name), `${procedure.code}: required ${name} is not a field`);
      for (const [name, property] of Object.entries(properties)) {
        const where = `${procedure.code}.${name}`;
        assert.ok(['string', 'integer', 'boolean'].includes(property.type ?? ''), `${where}: type`);
        assert.ok(typeof property.title === 'string' && property.title.length > 0, `${where}: title`);
        assert.ok(typeof property['x-title-en'] === 'string' && property['x-title-en'].length > 0, `${where}: x-title-en`);
        if (property.format !== undefined) assert.ok(['date', 'email'].includes(property.format), `${where}: format ${property.format}`);
        if (property.enum) {
          assert.equal(property['x-enum-labels-vi']?.length, property.enum.length, `${where}: Vietnamese labels`);
          assert.equal(property['x-enum-labels-en']?.length, property.enum.length, `${where}: English labels`);
        }
      }
      const validate = ajv.compile(schema);
      assert.ok(validate(sampleAnswers(schema)), `${procedure.code}: ${ajv.errorsText(validate.errors)}`);
      assert.equal(validate({}), false, `${procedure.code}: an empty form is accepted`);
      assert.equal(validate({ ...sampleAnswers(schema), unexpected: 'x' }), false, `${procedure.code}: unknown fields are accepted`);
    }
  });

  it('fills result templates only from the form, the applicant, the dossier, the agency, the procedure and the date', () => {
    const fixed = new Set([...APPLICANT_FIELDS.map((field) => `applicant.${field}`), ...OTHER_PLACEHOLDERS]);
    for (const procedure of PROCEDURE_CATALOGUE) {
      const fields = new Set(Object.keys(propertiesOf(procedure.formSchema)));
      for (const paragraph of procedure.resultTemplate.bodyVi) {
        for (const [, name] of paragraph.matchAll(PLACEHOLDER)) {
          assert.ok(name !== undefined && (fields.has(name) || fixed.has(name)), `${procedure.code}: unknown placeholder {{${name}}}`);
        }
        assert.ok(!paragraph.replace(PLACEHOLDER, '').includes('{{'), `${procedure.code}: malformed placeholder in "${paragraph}"`);
      }
    }
  });
});
