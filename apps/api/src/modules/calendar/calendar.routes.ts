import { Type } from 'typebox';
import { Problem } from '@onecity/contracts';
import { auditContextOf } from '../../core/auth/actor.ts';
import type { App } from '../../core/http/types.ts';
import { getDeadline, getHolidayYear, replaceHolidayYear } from './calendar.service.ts';

const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const DayKind = Type.Enum(['holiday', 'compensatory', 'swapped_off', 'working_saturday']);
const DayInput = Type.Object(
  {
    date: Type.String({ format: 'date' }),
    kind: DayKind,
    nameVi: Type.String({ minLength: 2, maxLength: 200 }),
    nameEn: Type.String({ minLength: 2, maxLength: 200 }),
  },
  { additionalProperties: false },
);
const HolidayYearResponse = Type.Object({
  year: Type.Integer(),
  basis: Type.String(),
  source: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  days: Type.Array(Type.Object({ date: Type.String(), kind: DayKind, isDayOff: Type.Boolean(), nameVi: Type.String(), nameEn: Type.String() })),
});

function present(data: Awaited<ReturnType<typeof getHolidayYear>>) {
  return {
    year: data.row.year,
    basis: data.row.basis,
    source: data.row.source,
    updatedAt: data.row.updated_at.toISOString(),
    days: data.days.map((day) => ({
      date: day.date,
      kind: day.kind as 'holiday' | 'compensatory' | 'swapped_off' | 'working_saturday',
      isDayOff: day.kind !== 'working_saturday',
      nameVi: day.name_vi,
      nameEn: day.name_en,
    })),
  };
}

/** Public deadline computation and holiday lists; admins edit a year. */
export async function calendarRoutes(app: App): Promise<void> {
  const tags = ['calendar'];
  app.get(
    '/api/v1/calendar/deadline',
    {
      schema: {
        tags,
        summary: 'Receipt date and deadline: the N-th working day strictly after receipt; after office hours counts as the next day',
        querystring: Type.Object(
          {
            from: Type.String({ format: 'date-time', description: 'ISO 8601 with offset, e.g. 2024-02-07T16:30:00+07:00' }),
            workingDays: Type.Integer({ minimum: 0, maximum: 365 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ receivedOn: Type.String({ format: 'date' }), dueDate: Type.String({ format: 'date' }), dueAt: Type.String({ format: 'date-time' }) }),
          400: Problem,
        },
      },
    },
    async (request) => getDeadline(app.ctx, new Date(request.query.from), request.query.workingDays),
  );

  app.get(
    '/api/v1/calendar/holidays',
    {
      schema: {
        tags,
        summary: "A year's weekday days off and working weekend days, with their source",
        querystring: Type.Object({ year: Year }, { additionalProperties: false }),
        response: { 200: HolidayYearResponse, 400: Problem, 404: Problem },
      },
    },
    async (request) => present(await getHolidayYear(app.ctx, request.query.year)),
  );

  app.put(
    '/api/v1/calendar/years/:year',
    {
      schema: {
        tags,
        summary: "Replace a year's days off and working weekend days (city admins)",
        params: Type.Object({ year: Year }, { additionalProperties: false }),
        body: Type.Object(
          {
            basis: Type.Enum(['announced', 'statutory', 'mixed']),
            source: Type.String({ minLength: 5, maxLength: 2000 }),
            days: Type.Array(DayInput, { maxItems: 60 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: HolidayYearResponse, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => present(await replaceHolidayYear(app.ctx, auditContextOf(request), request.actor, request.params.year, request.body)),
  );
}
