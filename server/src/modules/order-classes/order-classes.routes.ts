import {
  classImportParams,
  classImportStatus,
  classStudentAddReply,
  classStudentCreateBody,
  classStudentListQuery,
  classStudentPage,
  classStudentParams,
  deliverableOrderList,
  deliverClassBody,
  deliverClassReply,
  IMPORT_MODES,
  idParam,
  orderClassCreateBody,
  orderClassListQuery,
  orderClassPage,
  orderClassSchema,
  orderClassUpdateBody,
  Permission,
  WORKER_IMPORT_LIMITS,
} from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import { contextOf } from '../../http/auth-guard.ts';
import { ImportJobRunner } from '../imports/import-job-runner.ts';
import { deliverClass } from './deliver-class.ts';
import { getClassImportStatus, startClassImport } from './import-class-students.ts';
import { listDeliverableOrders } from './order-classes.repository.ts';
import {
  addClassStudent,
  createOrderClass,
  getOrderClass,
  listClassStudents,
  listOrderClassPage,
  requireManagedClass,
  setClassStudentStatus,
  updateOrderClass,
} from './order-classes.service.ts';

const tags = ['order-classes'];

/**
 * `/api/order-classes` (订单班/冠名班/产业学院): classes, rosters, one-by-one and list imports of
 * students, and delivery of the class into an order. The plugin owns its import jobs (aborted on close).
 */
export function orderClassRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const runner = new ImportJobRunner((id, error) =>
      app.log.error({ err: error, importId: id }, 'order-class student import failed'),
    );
    app.addHook('onClose', async () => {
      await runner.close();
    });

    app.get(
      '/api/order-classes',
      {
        config: { access: Permission.SchoolRead },
        schema: {
          tags,
          summary: 'Order classes (scoped)',
          querystring: orderClassListQuery,
          response: { 200: orderClassPage },
        },
      },
      (request) => listOrderClassPage(deps, contextOf(request).actor, request.query),
    );
    app.post(
      '/api/order-classes',
      {
        config: { access: Permission.SchoolWrite },
        schema: {
          tags,
          summary: 'Open a class',
          body: orderClassCreateBody,
          response: { 201: orderClassSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createOrderClass(deps, contextOf(request), request.body)),
    );
    app.get(
      '/api/order-classes/:id',
      {
        config: { access: Permission.SchoolRead },
        schema: { tags, summary: 'One class', params: idParam, response: { 200: orderClassSchema } },
      },
      (request) => getOrderClass(deps, contextOf(request).actor, request.params.id),
    );
    app.patch(
      '/api/order-classes/:id',
      {
        config: { access: Permission.SchoolWrite },
        schema: {
          tags,
          summary: 'Edit a class (send the version you loaded)',
          params: idParam,
          body: orderClassUpdateBody,
          response: { 200: orderClassSchema },
        },
      },
      (request) => updateOrderClass(deps, contextOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/order-classes/:id/students',
      {
        config: { access: Permission.SchoolRead },
        schema: {
          tags,
          summary: 'The roster (ID numbers and phones masked)',
          params: idParam,
          querystring: classStudentListQuery,
          response: { 200: classStudentPage },
        },
      },
      (request) => listClassStudents(deps, contextOf(request).actor, request.params.id, request.query),
    );
    app.post(
      '/api/order-classes/:id/students',
      {
        config: { access: Permission.SchoolWrite },
        schema: {
          tags,
          summary: 'Add a student (registered as POST /api/workers; an existing person is linked)',
          params: idParam,
          body: classStudentCreateBody,
          response: { 200: classStudentAddReply },
        },
      },
      (request) => addClassStudent(deps, contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/order-classes/:id/students/:workerId/withdraw',
      {
        config: { access: Permission.SchoolWrite },
        schema: {
          tags,
          summary: 'A student leaves the class',
          params: classStudentParams,
          response: { 200: orderClassSchema },
        },
      },
      (request) =>
        setClassStudentStatus(
          deps,
          contextOf(request),
          request.params.id,
          request.params.workerId,
          'withdrawn',
        ),
    );
    app.post(
      '/api/order-classes/:id/students/:workerId/reinstate',
      {
        config: { access: Permission.SchoolWrite },
        schema: {
          tags,
          summary: 'A withdrawn student returns',
          params: classStudentParams,
          response: { 200: orderClassSchema },
        },
      },
      (request) =>
        setClassStudentStatus(
          deps,
          contextOf(request),
          request.params.id,
          request.params.workerId,
          'enrolled',
        ),
    );
    app.post(
      '/api/order-classes/:id/students/import',
      {
        config: { access: Permission.SchoolWrite },
        schema: {
          tags,
          summary:
            'Import a student list (.xlsx/.csv worker template, multipart field "file") into the class: a job; poll while running',
          params: idParam,
          querystring: z.object({ mode: z.enum(IMPORT_MODES).default('all') }),
          consumes: ['multipart/form-data'],
          response: { 202: classImportStatus },
        },
      },
      async (request, reply) => {
        const file = await request.file({
          limits: { fileSize: WORKER_IMPORT_LIMITS.maxBytes, files: 1, fields: 5 },
        });
        if (!file) throw new AppError('unsupported_file');
        const status = await startClassImport(deps, runner, contextOf(request), request.params.id, {
          filename: file.filename,
          stream: file.file,
          mode: request.query.mode,
        });
        return reply.status(202).send(status);
      },
    );
    app.get(
      '/api/order-classes/:id/imports/:importId',
      {
        config: { access: Permission.SchoolWrite },
        schema: {
          tags,
          summary: 'Status of a student import',
          params: classImportParams,
          response: { 200: classImportStatus },
        },
      },
      (request) =>
        getClassImportStatus(deps, runner, contextOf(request), request.params.id, request.params.importId),
    );
    app.get(
      '/api/order-classes/:id/deliverable-orders',
      {
        config: { access: Permission.SchoolWrite },
        schema: {
          tags,
          summary:
            'Open orders of the class’s enterprise with places left (where the class can be delivered)',
          params: idParam,
          response: { 200: deliverableOrderList },
        },
      },
      async (request) => {
        const cls = await requireManagedClass(deps, contextOf(request).actor, request.params.id);
        const rows = await listDeliverableOrders(deps.db, cls.enterprise_id);
        return {
          items: rows.map((row) => ({
            id: row.id,
            title: row.title,
            occupationCode: row.occupation_code,
            headcount: row.headcount,
            filled: row.filled,
            deadline: row.deadline,
          })),
        };
      },
    );
    app.post(
      '/api/order-classes/:id/deliver',
      {
        config: { access: Permission.SchoolWrite },
        schema: {
          tags,
          summary:
            'Deliver the class into an open order of its enterprise: a recommendation per student, a result per student',
          params: idParam,
          body: deliverClassBody,
          response: { 200: deliverClassReply },
        },
      },
      (request) => deliverClass(deps, contextOf(request), request.params.id, request.body),
    );
  };
}
