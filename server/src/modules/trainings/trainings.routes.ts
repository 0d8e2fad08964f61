import {
  completeBody,
  completeResult,
  enrolBody,
  enrolmentList,
  enrolmentParams,
  enrolmentSchema,
  idParam,
  Permission,
  trainingCreateBody,
  trainingListQuery,
  trainingPage,
  trainingSchema,
  trainingUpdateBody,
} from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { contextOf } from '../../http/auth-guard.ts';
import {
  completeTrainees,
  createProgramme,
  dropEnrolment,
  enrolWorker,
  getProgramme,
  listProgrammeEnrolments,
  listProgrammePage,
  updateProgramme,
} from './trainings.service.ts';

const tags = ['trainings'];

/** `/api/trainings`: training programmes (企业订单、劳动者选单、政府买单) and their trainees. */
export function trainingRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/trainings',
      {
        config: { access: Permission.TrainingRead },
        schema: {
          tags,
          summary: 'Training programmes',
          querystring: trainingListQuery,
          response: { 200: trainingPage },
        },
      },
      (request) => listProgrammePage(deps, contextOf(request).actor, request.query),
    );
    app.post(
      '/api/trainings',
      {
        config: { access: Permission.TrainingWrite },
        schema: {
          tags,
          summary: 'Register a programme',
          body: trainingCreateBody,
          response: { 201: trainingSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createProgramme(deps, contextOf(request), request.body)),
    );
    app.get(
      '/api/trainings/:id',
      {
        config: { access: Permission.TrainingRead },
        schema: { tags, summary: 'One programme', params: idParam, response: { 200: trainingSchema } },
      },
      (request) => getProgramme(deps, contextOf(request).actor, request.params.id),
    );
    app.patch(
      '/api/trainings/:id',
      {
        config: { access: Permission.TrainingWrite },
        schema: {
          tags,
          summary: 'Edit a programme (seats never below those taken)',
          params: idParam,
          body: trainingUpdateBody,
          response: { 200: trainingSchema },
        },
      },
      (request) => updateProgramme(deps, contextOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/trainings/:id/enrolments',
      {
        config: { access: Permission.TrainingRead },
        schema: {
          tags,
          summary: 'Trainees of a programme',
          params: idParam,
          response: { 200: enrolmentList },
        },
      },
      (request) => listProgrammeEnrolments(deps, contextOf(request).actor, request.params.id),
    );
    app.post(
      '/api/trainings/:id/enrolments',
      {
        config: { access: Permission.TrainingWrite },
        schema: {
          tags,
          summary: 'Enrol a worker while seats last (409 training.full when none is left)',
          params: idParam,
          body: enrolBody,
          response: { 201: enrolmentSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await enrolWorker(deps, contextOf(request), request.params.id, request.body.workerId)),
    );
    app.post(
      '/api/trainings/:id/enrolments/:enrolmentId/drop',
      {
        config: { access: Permission.TrainingWrite },
        schema: {
          tags,
          summary: 'A trainee leaves; the seat is freed',
          params: enrolmentParams,
          response: { 200: enrolmentSchema },
        },
      },
      (request) => dropEnrolment(deps, contextOf(request), request.params.id, request.params.enrolmentId),
    );
    app.post(
      '/api/trainings/:id/complete',
      {
        config: { access: Permission.TrainingWrite },
        schema: {
          tags,
          summary:
            'Complete trainees: certificates to their records, 推介 to the linked order; a result per trainee',
          params: idParam,
          body: completeBody,
          response: { 200: completeResult },
        },
      },
      (request) => completeTrainees(deps, contextOf(request), request.params.id, request.body),
    );
  };
}
