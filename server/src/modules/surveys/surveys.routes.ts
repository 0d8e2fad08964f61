import {
  idParam,
  importQuery,
  importResult,
  Permission,
  surveyCampaignCreateBody,
  surveyCampaignListQuery,
  surveyCampaignPage,
  surveyCampaignSchema,
  surveyCampaignUpdateBody,
  surveyConvertBody,
  surveyConvertResult,
  surveyCoverageQuery,
  surveyCoverageSchema,
  surveyRecordCreateBody,
  surveyRecordListQuery,
  surveyRecordPage,
  surveyRecordParams,
  surveyRecordSchema,
  surveyRecordUpdateBody,
} from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import { contextOf } from '../../http/auth-guard.ts';
import { importSurveyRecords, writeSurveyTemplate } from './import-survey-records.ts';
import {
  addRecord,
  campaignCoverage,
  convertRecords,
  createCampaign,
  editRecord,
  getCampaign,
  listCampaignPage,
  listRecordPage,
  townshipCoverage,
  updateCampaign,
} from './surveys.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['surveys'];

/** `/api/surveys`: rural labour survey campaigns (摸排), their records, conversion and coverage. */
export function surveyRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/surveys',
      {
        config: { access: Permission.SurveyRead },
        schema: {
          tags,
          summary: 'Survey campaigns with their totals',
          querystring: surveyCampaignListQuery,
          response: { 200: surveyCampaignPage },
        },
      },
      (request) => listCampaignPage(deps, contextOf(request).actor, request.query),
    );
    app.post(
      '/api/surveys',
      {
        config: { access: Permission.SurveyWrite },
        schema: {
          tags,
          summary: 'Start a campaign',
          body: surveyCampaignCreateBody,
          response: { 201: surveyCampaignSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createCampaign(deps, contextOf(request), request.body)),
    );
    app.get(
      '/api/surveys/coverage',
      {
        config: { access: Permission.SurveyRead },
        schema: {
          tags,
          summary: 'Coverage by township (one row per campaign): surveyed, willing, converted, placed',
          querystring: surveyCoverageQuery,
          response: { 200: surveyCoverageSchema },
        },
      },
      (request) => townshipCoverage(deps, contextOf(request).actor, request.query),
    );
    app.get(
      '/api/surveys/import/template',
      { config: { access: Permission.SurveyWrite }, schema: { tags, summary: 'The .xlsx survey template' } },
      async (_request, reply) => {
        reply.type(XLSX).header('content-disposition', 'attachment; filename="survey-template.xlsx"');
        return reply.send(await writeSurveyTemplate());
      },
    );
    app.get(
      '/api/surveys/:id',
      {
        config: { access: Permission.SurveyRead },
        schema: { tags, summary: 'One campaign', params: idParam, response: { 200: surveyCampaignSchema } },
      },
      (request) => getCampaign(deps, contextOf(request).actor, request.params.id),
    );
    app.patch(
      '/api/surveys/:id',
      {
        config: { access: Permission.SurveyWrite },
        schema: {
          tags,
          summary: 'Edit a campaign (send the version you loaded)',
          params: idParam,
          body: surveyCampaignUpdateBody,
          response: { 200: surveyCampaignSchema },
        },
      },
      (request) => updateCampaign(deps, contextOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/surveys/:id/records',
      {
        config: { access: Permission.SurveyRead },
        schema: {
          tags,
          summary: 'Records of a campaign (ID numbers and phones masked)',
          params: idParam,
          querystring: surveyRecordListQuery,
          response: { 200: surveyRecordPage },
        },
      },
      (request) => listRecordPage(deps, contextOf(request).actor, request.params.id, request.query),
    );
    app.post(
      '/api/surveys/:id/records',
      {
        config: { access: Permission.SurveyWrite },
        schema: {
          tags,
          summary: 'Add one record',
          params: idParam,
          body: surveyRecordCreateBody,
          response: { 201: surveyRecordSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addRecord(deps, contextOf(request), request.params.id, request.body)),
    );
    app.patch(
      '/api/surveys/:id/records/:recordId',
      {
        config: { access: Permission.SurveyWrite },
        schema: {
          tags,
          summary:
            'Correct one record (send the `version` you loaded; ID number and phone only when changed)',
          params: surveyRecordParams,
          body: surveyRecordUpdateBody,
          response: { 200: surveyRecordSchema },
        },
      },
      (request) =>
        editRecord(deps, contextOf(request), request.params.id, request.params.recordId, request.body),
    );
    app.post(
      '/api/surveys/:id/records/import',
      {
        config: { access: Permission.SurveyWrite },
        schema: {
          tags,
          summary: 'Import records from .xlsx or .csv (multipart field "file"); every bad row reported',
          params: idParam,
          querystring: importQuery,
          consumes: ['multipart/form-data'],
          response: { 200: importResult },
        },
      },
      async (request) => {
        const file = await request.file();
        if (!file) throw new AppError('unsupported_file');
        const content = await file.toBuffer();
        return importSurveyRecords(deps, contextOf(request), request.params.id, {
          filename: file.filename,
          content,
          mode: request.query.mode,
        });
      },
    );
    app.post(
      '/api/surveys/:id/convert',
      {
        config: { access: Permission.SurveyWrite },
        schema: {
          tags,
          summary: 'Convert records to workers (once each; an existing worker is linked, not duplicated)',
          params: idParam,
          body: surveyConvertBody,
          response: { 200: surveyConvertResult },
        },
      },
      (request) => convertRecords(deps, contextOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/surveys/:id/coverage',
      {
        config: { access: Permission.SurveyRead },
        schema: {
          tags,
          summary: 'Coverage of a campaign by village: surveyed, willing, converted, placed',
          params: idParam,
          response: { 200: surveyCoverageSchema },
        },
      },
      (request) => campaignCoverage(deps, contextOf(request).actor, request.params.id),
    );
  };
}
