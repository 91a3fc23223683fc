import { Type } from 'typebox';
import { AgencyCode, AgencyKindSchema, AgencyList, Agency, CreateAgencyRequest, UpdateAgencyRequest, Problem } from '@onecity/contracts';
import { auditContextOf } from '../../core/auth/actor.ts';
import type { App } from '../../core/http/types.ts';
import { presentAgency, presentAreas } from './agencies.presenter.ts';
import * as repository from './agencies.repository.ts';
import { createAgency, getAgencyByCode, updateAgency } from './agencies.service.ts';

const CodeParams = Type.Object({ code: AgencyCode }, { additionalProperties: false });

/** Agency tree and area boundaries. Names and codes of public bodies are public; changes are for admins. */
export async function agenciesRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/agencies',
    {
      schema: {
        tags: ['agencies'],
        summary: 'List agencies in tree order',
        querystring: Type.Object({ kind: Type.Optional(AgencyKindSchema), under: Type.Optional(AgencyCode) }, { additionalProperties: false }),
        response: { 200: AgencyList, 404: Problem },
      },
    },
    async (request) => {
      const underPath = request.query.under ? (await getAgencyByCode(app.ctx, request.query.under)).path : undefined;
      const rows = await repository.listAgencies(app.ctx.db, { kind: request.query.kind, underPath });
      return { items: rows.map(presentAgency) };
    },
  );

  app.get(
    '/api/v1/agencies/:code',
    { schema: { tags: ['agencies'], summary: 'One agency', params: CodeParams, response: { 200: Agency, 404: Problem } } },
    async (request) => presentAgency(await getAgencyByCode(app.ctx, request.params.code)),
  );

  app.post(
    '/api/v1/agencies',
    {
      schema: {
        tags: ['agencies'],
        summary: 'Create an agency (admin of the parent subtree)',
        body: CreateAgencyRequest,
        response: { 201: Agency, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const created = await createAgency(app.ctx, auditContextOf(request), request.actor, request.body);
      return reply.code(201).send(presentAgency(created));
    },
  );

  app.patch(
    '/api/v1/agencies/:code',
    {
      schema: {
        tags: ['agencies'],
        summary: 'Rename, activate or deactivate an agency',
        params: CodeParams,
        body: UpdateAgencyRequest,
        response: { 200: Agency, 400: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => presentAgency(await updateAgency(app.ctx, auditContextOf(request), request.actor, request.params.code, request.body)),
  );

  app.get(
    '/api/v1/areas',
    {
      schema: {
        tags: ['agencies'],
        summary: 'Ward and commune boundaries as a GeoJSON FeatureCollection',
        response: { 200: Type.Object({ type: Type.Literal('FeatureCollection'), features: Type.Array(Type.Any()) }) },
      },
    },
    async (_request, reply) => {
      reply.header('content-type', 'application/geo+json; charset=utf-8');
      return presentAreas(await repository.listAreas(app.ctx.db));
    },
  );
}
