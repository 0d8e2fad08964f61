import {
  EDUCATION_WORDS,
  formatMessage,
  type ImportMode,
  type ImportResult,
  type ImportRowError,
  LIMITS,
  localizeZodIssue,
  SURVEY_IMPORT_COLUMNS,
  type SurveyImportField,
  surveyRecordCreateBody,
  WILLINGNESS_WORDS,
} from '@yonggong/shared';
import ExcelJS from 'exceljs';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { cellText, locateHeader, readSheet } from '../../lib/spreadsheet.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { importResult } from '../imports/import-result.ts';
import type { RegionIndex } from '../regions/regions.service.ts';
import { canWriteSurveys, surveyScope } from './surveys.policy.ts';
import { findCampaign, findRecordedHashes, insertRecords } from './surveys.repository.ts';
import { recordRow } from './surveys.service.ts';

/**
 * Imports a township's survey sheet (摸排表) into a campaign. Every row is validated with the same
 * schema as the form, plus what only a file needs (the same person twice in the file, words for
 * willingness and education, destinations by name). Every bad row is reported as
 * `{row, column, message}`. Mode `all` commits nothing when any row is bad; `valid` commits the good
 * rows. People already recorded in the campaign are counted `unchanged`, so a re-import adds nothing.
 * The commit is one transaction. Survey sheets are a township's people (hundreds to a few
 * thousand rows): read whole, like the enterprise import, within `LIMITS.importMaxRowsSync`.
 */
export async function importSurveyRecords(
  deps: Deps,
  ctx: RequestContext,
  campaignId: string,
  options: { filename: string; content: Buffer; mode: ImportMode },
): Promise<ImportResult> {
  const { locale, actor } = ctx;
  const campaign = await findCampaign(deps.db, surveyScope(actor), campaignId);
  if (!campaign) throw new AppError('not_found');
  if (!canWriteSurveys(actor)) throw new AppError('forbidden');
  const sheet = await readSheet(options.filename, options.content);
  const located = locateHeader(sheet, SURVEY_IMPORT_COLUMNS);
  if (!located) throw new AppError('validation_failed', { messageKey: 'import.no_header' });
  const { header, dataRows } = located;
  const rows = dataRows.filter((row) => row.cells.some((cell) => cell.text !== ''));
  if (rows.length > LIMITS.importMaxRowsSync)
    throw new AppError('validation_failed', {
      messageKey: 'import.too_many_rows',
      params: { max: LIMITS.importMaxRowsSync },
    });
  const errors: ImportRowError[] = header.missing.map((spec) => ({
    row: header.headerRowNumber,
    column: spec.header,
    message: formatMessage(locale, 'import.missing_column', { column: spec.header }),
    code: 'import.missing_column',
  }));
  if (errors.length > 0) return importResult(options.mode, false, rows.length, 0, 0, errors);

  const destinations = destinationIndex(deps.regions);
  const valid: { rowNumber: number; row: ReturnType<typeof recordRow> }[] = [];
  const firstRowOfHash = new Map<string, number>();
  for (const row of rows) {
    const rowErrors: ImportRowError[] = [];
    const report = (field: SurveyImportField, key: string, params: Record<string, unknown> = {}) =>
      rowErrors.push({
        row: row.rowNumber,
        column: columnName(field),
        message: formatMessage(locale, key, params),
        code: key,
      });
    const text = (field: SurveyImportField) => cellText(row, header, field).text;

    const willingText = text('willing');
    const willing = WILLINGNESS_WORDS[willingText.toLowerCase()];
    if (!willing) report('willing', 'survey.willing_unknown', { value: willingText });
    const educationText = text('education');
    const education = educationText === '' ? 'junior' : EDUCATION_WORDS[educationText];
    if (!education) report('education', 'survey.education_unknown', { value: educationText });
    const preferred: string[] = [];
    for (const part of splitList(text('preferredRegions'))) {
      const code = destinations(part);
      if (code) preferred.push(code);
      else report('preferredRegions', 'survey.region_name_unknown', { value: part });
    }
    const dateText = text('earliestDate');
    const earliestDate = dateText === '' ? null : normalizeDate(dateText);
    if (earliestDate === undefined) report('earliestDate', 'survey.date_invalid', { value: dateText });

    const idCell = cellText(row, header, 'idNumber');
    const parsed = surveyRecordCreateBody.safeParse(
      {
        village: text('village'),
        name: text('name'),
        idNumber: idCell.text,
        phone: text('phone'),
        education: education ?? 'junior',
        willing: willing ?? 'undecided',
        skills: splitList(text('skills')),
        preferredRegionCodes: preferred,
        earliestDate: earliestDate ?? null,
        householdNotes: text('householdNotes'),
      },
      { reportInput: true },
    );
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOfPath(issue.path);
        if (idCell.wasNumber && field === 'idNumber')
          report('idNumber', 'import.stored_as_number', { char: idCell.text });
        else {
          const localized = localizeZodIssue(issue, locale);
          rowErrors.push({
            row: row.rowNumber,
            column: columnName(field),
            message: localized.message,
            code: localized.code ?? 'field.invalid',
          });
        }
      }
    } else if (rowErrors.length === 0) {
      const stored = recordRow(deps, campaignId, actor.id, parsed.data);
      const earlier = firstRowOfHash.get(stored.id_number_hash);
      if (earlier !== undefined) report('idNumber', 'import.duplicate_in_file', { row: earlier });
      else {
        firstRowOfHash.set(stored.id_number_hash, row.rowNumber);
        valid.push({ rowNumber: row.rowNumber, row: stored });
      }
    }
    errors.push(...rowErrors);
  }
  errors.sort((a, b) => a.row - b.row);
  const failedRows = new Set(errors.map((error) => error.row)).size;

  const recorded = await findRecordedHashes(
    deps.db,
    campaignId,
    valid.map((item) => item.row.id_number_hash),
  );
  const toInsert = valid.filter((item) => !recorded.has(item.row.id_number_hash));
  const unchanged = valid.length - toInsert.length;
  const isRejected = options.mode === 'all' && errors.length > 0;
  const created = await deps.db.transaction().execute(async (trx) => {
    const inserted = isRejected
      ? []
      : await insertRecords(
          trx,
          toInsert.map((item) => item.row),
        );
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'survey.import',
      entityType: 'survey_campaign',
      entityId: campaignId,
      summary: `导入摸排表 ${options.filename} 到 ${campaign.name}：${isRejected ? '有错误，未导入' : `新增 ${inserted.length}`}，已登记 ${unchanged}，失败 ${failedRows} 行`,
      after: {
        filename: options.filename,
        mode: options.mode,
        created: inserted.length,
        unchanged,
        failedRows,
        committed: !isRejected,
      },
    });
    return inserted.length;
  });
  // A record inserted by someone else meanwhile is already recorded, not new.
  const alreadyRecorded = isRejected ? unchanged : unchanged + (toInsert.length - created);
  return importResult(options.mode, !isRejected, rows.length, created, alreadyRecorded, errors, failedRows);
}

function columnName(field: SurveyImportField): string {
  return SURVEY_IMPORT_COLUMNS.find((column) => column.field === field)?.header ?? field;
}

function fieldOfPath(path: readonly PropertyKey[]): SurveyImportField {
  const first = String(path[0] ?? '');
  if (first === 'preferredRegionCodes') return 'preferredRegions';
  const known = SURVEY_IMPORT_COLUMNS.find((column) => column.field === first);
  return known ? known.field : 'name';
}

function splitList(text: string): string[] {
  return text
    .split(/[、,，;；/]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** YYYY-MM-DD, YYYY/M/D or YYYY.M.D → ISO date; undefined when not a real date. */
function normalizeDate(text: string): string | undefined {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2]?.padStart(2, '0')}-${match[3]?.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

const SUFFIXES = /(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|地区|自治州|区|县)$/;

/**
 * Destinations as surveyors write them: a 6-digit code, or the name of a province or prefecture
 * ("江苏", "苏州市", "浙江省宁波市" is read as its last part).
 */
function destinationIndex(regions: RegionIndex): (text: string) => string | undefined {
  const byName = new Map<string, string>();
  for (const province of regions.children(null)) {
    byName.set(province.name, province.code);
    byName.set(province.name.replace(SUFFIXES, ''), province.code);
    for (const prefecture of regions.children(province.code)) {
      if (prefecture.name === '市辖区' || prefecture.name === '县') continue;
      if (!byName.has(prefecture.name)) byName.set(prefecture.name, prefecture.code);
      const short = prefecture.name.replace(SUFFIXES, '');
      if (!byName.has(short)) byName.set(short, prefecture.code);
    }
  }
  return (text) => {
    if (/^\d{6}$/.test(text)) return regions.get(text) ? text : undefined;
    const direct = byName.get(text) ?? byName.get(text.replace(SUFFIXES, ''));
    if (direct) return direct;
    const last = /(?:省|自治区)(.+)$/.exec(text)?.[1];
    return last ? (byName.get(last) ?? byName.get(last.replace(SUFFIXES, ''))) : undefined;
  };
}

/** The .xlsx template: the header row, one example row, and the ID column formatted as text. */
export async function writeSurveyTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('摸排表');
  sheet.addRow(
    SURVEY_IMPORT_COLUMNS.map((column) => (column.required ? `${column.header}（必填）` : column.header)),
  );
  sheet.addRow([
    '以勒村',
    '杨正华',
    '530627199203154519',
    '13812345678',
    '初中',
    '是',
    '电焊、叉车',
    '江苏省苏州市、浙江省宁波市',
    '2026-03-01',
    '家有老人需照顾，希望包吃住',
  ]);
  SURVEY_IMPORT_COLUMNS.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.max(12, column.header.length * 3);
    if (column.field === 'idNumber' || column.field === 'phone') sheetColumn.numFmt = '@';
  });
  sheet.getRow(1).font = { bold: true };
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [{ width: 18 }, { width: 60 }];
  notes.addRow(['说明', '带（必填）的列必须填写；第 2 行是示例，导入前请删除。身份证号码列请设为文本格式。']);
  notes.addRow(['是否愿意外出务工', '是 / 否 / 待定']);
  notes.addRow(['学历', '小学 / 初中 / 高中 / 中专 / 大专 / 本科']);
  notes.addRow(['意向务工地', '省或地市的名称或 6 位代码，多个用顿号分隔']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
