import {
  apprenticeshipCreateBody,
  apprenticeshipListQuery,
  apprenticeshipPage,
  apprenticeshipSchema,
  apprenticeshipUpdateBody,
  INTERNSHIP_KIND_LABELS,
  type Internship,
  idParam,
  internshipCreateBody,
  internshipListQuery,
  internshipPage,
  internshipSchema,
  internshipUpdateBody,
  Permission,
} from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { contextOf } from '../../http/auth-guard.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { readAllPages, writeWorkbook } from '../schools/schools.export.ts';
import {
  createApprenticeship,
  getApprenticeship,
  listApprenticeshipPage,
  updateApprenticeship,
} from './apprenticeships.service.ts';
import {
  createInternship,
  getInternship,
  listInternshipPage,
  updateInternship,
} from './internships.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STATUS_ZH = { planned: '计划', ongoing: '进行中', completed: '已完成', terminated: '已终止' } as const;

/** `/api/internships` (顶岗实习/见习) and `/api/apprenticeships` (新型学徒制). */
export function internshipRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/internships',
      {
        config: { access: Permission.SchoolRead },
        schema: {
          tags: ['internships'],
          summary: 'Internships (scoped)',
          querystring: internshipListQuery,
          response: { 200: internshipPage },
        },
      },
      (request) => listInternshipPage(deps, contextOf(request).actor, request.query),
    );
    app.get(
      '/api/internships/export',
      {
        config: { access: Permission.SchoolRead },
        schema: {
          tags: ['internships'],
          summary: 'Export the filtered internships to .xlsx',
          querystring: internshipListQuery,
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const items = await readAllPages<Internship>((page, pageSize) =>
          listInternshipPage(deps, ctx.actor, { ...request.query, page, pageSize }),
        );
        await recordAudit(deps.db, auditContextOf(ctx), {
          action: 'internship.export',
          entityType: 'export',
          entityId: null,
          summary: `导出实习见习名单 ${items.length} 条`,
          after: { filter: request.query },
        });
        const body = await writeWorkbook(
          '实习见习',
          [
            '类型',
            '学生',
            '身份证（脱敏）',
            '院校',
            '企业',
            '岗位',
            '开始',
            '结束',
            '月补贴（元）',
            '带教师傅',
            '状态',
            '符合见习补贴',
          ],
          items.map((item) => [
            INTERNSHIP_KIND_LABELS[item.kind]['zh-CN'],
            item.workerName,
            item.workerIdNumberMasked,
            item.schoolName,
            item.enterpriseName,
            item.position,
            item.startDate,
            item.endDate,
            item.monthlyStipend / 100,
            `${item.supervisorName} ${item.supervisorPhoneMasked ?? ''}`.trim(),
            STATUS_ZH[item.status],
            item.subsidyEligible ? '是' : '否',
          ]),
        );
        reply
          .type(XLSX)
          .header(
            'content-disposition',
            `attachment; filename="internships-${new Date().toISOString().slice(0, 10)}.xlsx"`,
          );
        return reply.send(body);
      },
    );
    app.post(
      '/api/internships',
      {
        config: { access: Permission.SchoolWrite },
        schema: {
          tags: ['internships'],
          summary: 'Record an internship or traineeship',
          body: internshipCreateBody,
          response: { 201: internshipSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createInternship(deps, contextOf(request), request.body)),
    );
    app.get(
      '/api/internships/:id',
      {
        config: { access: Permission.SchoolRead },
        schema: {
          tags: ['internships'],
          summary: 'One internship',
          params: idParam,
          response: { 200: internshipSchema },
        },
      },
      (request) => getInternship(deps, contextOf(request).actor, request.params.id),
    );
    app.patch(
      '/api/internships/:id',
      {
        config: { access: Permission.SchoolWrite },
        schema: {
          tags: ['internships'],
          summary: 'Edit an internship (the subsidy flag is recomputed)',
          params: idParam,
          body: internshipUpdateBody,
          response: { 200: internshipSchema },
        },
      },
      (request) => updateInternship(deps, contextOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/apprenticeships',
      {
        config: { access: Permission.SchoolRead },
        schema: {
          tags: ['apprenticeships'],
          summary: 'Apprenticeships (新型学徒制, scoped)',
          querystring: apprenticeshipListQuery,
          response: { 200: apprenticeshipPage },
        },
      },
      (request) => listApprenticeshipPage(deps, contextOf(request).actor, request.query),
    );
    app.post(
      '/api/apprenticeships',
      {
        config: { access: Permission.SchoolWrite },
        schema: {
          tags: ['apprenticeships'],
          summary: 'Record an apprenticeship programme with its apprentices',
          body: apprenticeshipCreateBody,
          response: { 201: apprenticeshipSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createApprenticeship(deps, contextOf(request), request.body)),
    );
    app.get(
      '/api/apprenticeships/:id',
      {
        config: { access: Permission.SchoolRead },
        schema: {
          tags: ['apprenticeships'],
          summary: 'One apprenticeship',
          params: idParam,
          response: { 200: apprenticeshipSchema },
        },
      },
      (request) => getApprenticeship(deps, contextOf(request).actor, request.params.id),
    );
    app.patch(
      '/api/apprenticeships/:id',
      {
        config: { access: Permission.SchoolWrite },
        schema: {
          tags: ['apprenticeships'],
          summary: 'Edit an apprenticeship; add apprentices',
          params: idParam,
          body: apprenticeshipUpdateBody,
          response: { 200: apprenticeshipSchema },
        },
      },
      (request) => updateApprenticeship(deps, contextOf(request), request.params.id, request.body),
    );
  };
}
