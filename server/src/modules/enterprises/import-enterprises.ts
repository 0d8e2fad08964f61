import {
  ENTERPRISE_COLUMNS,
  type EnterpriseSize,
  enterpriseCreateBody,
  formatMessage,
  type ImportMode,
  type ImportResult,
  type ImportRowError,
  INDUSTRY_DIVISIONS,
  type KeyLevel,
  LIMITS,
  localizeZodIssue,
} from '@yonggong/shared';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { nameKeys } from '../../lib/pinyin.ts';
import {
  cellText,
  type LocatedHeader,
  locateHeader,
  readSheet,
  type SheetRow,
} from '../../lib/spreadsheet.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { importResult } from '../imports/import-result.ts';
import { canCreateIn, enterpriseScope } from './enterprises.policy.ts';
import { snapshotEnterprise } from './enterprises.presenter.ts';
import {
  findByCreditCodes,
  findLiaisons,
  findVisibleIds,
  insertContacts,
  insertEnterprises,
} from './enterprises.repository.ts';
import { encryptContact } from './enterprises.service.ts';

/**
 * Imports enterprises from an officer's spreadsheet.
 *
 * Every row is validated with the same schema as the form, plus the checks only a file needs
 * (duplicates within the file, names instead of codes). Every bad row is reported as
 * `{row, column, message}`. Mode `all` commits nothing when any row is bad; mode `valid` commits the
 * good rows. Rows whose credit code is already registered are counted `unchanged`, so importing the
 * same file twice adds nothing. The commit is one transaction: a process killed mid-import leaves
 * the database as it was.
 */
export interface ImportEnterprisesOptions {
  readonly filename: string;
  readonly content: Buffer;
  readonly mode: ImportMode;
}

type Field = (typeof ENTERPRISE_COLUMNS)[number]['field'];

interface ValidRow {
  readonly rowNumber: number;
  readonly body: ReturnType<typeof enterpriseCreateBody.parse>;
}

export async function importEnterprises(
  deps: Deps,
  ctx: RequestContext,
  options: ImportEnterprisesOptions,
): Promise<ImportResult> {
  const { locale, actor } = ctx;
  const sheet = await readSheet(options.filename, options.content);
  const located = locateHeader(sheet, ENTERPRISE_COLUMNS);
  if (!located) {
    throw new AppError('validation_failed', { messageKey: 'import.no_header' });
  }
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

  const usernames = rows
    .map((row) => cellText(row, header, 'liaisonUsername').text)
    .filter((name) => name !== '');
  const liaisons = new Map(
    (await findLiaisons(deps.db, { usernames: [...new Set(usernames)] })).map((l) => [
      l.username.toLowerCase(),
      l,
    ]),
  );
  const districts = deps.regions.districtsOf(deps.config.cityCode);

  const valid: ValidRow[] = [];
  const firstRowOfCode = new Map<string, number>();
  for (const row of rows) {
    const rowErrors: ImportRowError[] = [];
    const report = (field: Field, key: string, params: Record<string, unknown> = {}) =>
      rowErrors.push({
        row: row.rowNumber,
        column: columnName(field),
        message: formatMessage(locale, key, params),
        code: key,
      });

    const liaisonName = cellText(row, header, 'liaisonUsername').text;
    const liaison = liaisonName ? liaisons.get(liaisonName.toLowerCase()) : undefined;
    if (liaisonName && !liaison) report('liaisonUsername', 'liaison.unknown', { value: liaisonName });

    const creditCell = cellText(row, header, 'creditCode');
    const candidate = {
      creditCode: creditCell.text,
      name: cellText(row, header, 'name').text,
      industryCode: parseIndustry(cellText(row, header, 'industryCode').text),
      districtCode: parseDistrict(cellText(row, header, 'districtCode').text, districts),
      address: cellText(row, header, 'address').text,
      size: parseSize(cellText(row, header, 'size').text),
      employeeCount: parseCount(cellText(row, header, 'employeeCount').text),
      keyLevel: parseKeyLevel(cellText(row, header, 'keyLevel').text),
      liaisonUserId: liaison?.id ?? null,
      contacts: contactsOf(row, header),
    };
    const parsed = enterpriseCreateBody.safeParse(candidate, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const localized = localizeZodIssue(issue, locale);
        rowErrors.push({
          row: row.rowNumber,
          column: columnName(fieldOfPath(issue.path)),
          ...(creditCell.wasNumber && issue.path[0] === 'creditCode'
            ? {
                message: formatMessage(locale, 'import.stored_as_number', { char: creditCell.text }),
                code: 'import.stored_as_number',
              }
            : { message: localized.message, code: localized.code ?? 'field.invalid' }),
        });
      }
    } else {
      const body = parsed.data;
      if (!districts.some((d) => d.code === body.districtCode)) report('districtCode', 'region.not_in_city');
      else if (!canCreateIn(actor, body.districtCode))
        report('districtCode', 'enterprise.district_out_of_scope');
      if (liaison && !liaison.district_codes.includes(body.districtCode))
        report('liaisonUsername', 'liaison.wrong_district');
      const earlier = firstRowOfCode.get(body.creditCode);
      if (earlier !== undefined) report('creditCode', 'import.duplicate_in_file', { row: earlier });
      else firstRowOfCode.set(body.creditCode, row.rowNumber);
      if (rowErrors.length === 0) valid.push({ rowNumber: row.rowNumber, body });
    }
    errors.push(...rowErrors);
  }

  // Already registered: unchanged when the caller may see it, an error when it may not.
  const existing = await findByCreditCodes(
    deps.db,
    valid.map((row) => row.body.creditCode),
  );
  const existingByCode = new Map(existing.map((row) => [row.credit_code, row]));
  const visibleIds = await findVisibleIds(
    deps.db,
    enterpriseScope(actor),
    existing.map((row) => row.id),
  );
  const toCreate: ValidRow[] = [];
  let unchanged = 0;
  for (const row of valid) {
    const found = existingByCode.get(row.body.creditCode);
    if (!found) toCreate.push(row);
    else if (visibleIds.has(found.id)) unchanged++;
    else
      errors.push({
        row: row.rowNumber,
        column: columnName('creditCode'),
        message: formatMessage(locale, 'enterprise.duplicate_credit_code_hidden'),
        code: 'enterprise.duplicate_credit_code_hidden',
      });
  }
  errors.sort((a, b) => a.row - b.row);
  const failedRows = new Set(errors.map((error) => error.row)).size;

  // Imports that add nothing are recorded too: the trail shows every import, not only the
  // successful ones.
  const isRejected = options.mode === 'all' && errors.length > 0;
  if (isRejected || toCreate.length === 0) {
    await recordAudit(deps.db, auditContextOf(ctx), {
      action: 'enterprise.import',
      entityType: 'import',
      entityId: null,
      summary: `导入企业文件 ${options.filename}：${isRejected ? '有错误，未导入' : '新增 0'}，已存在 ${unchanged}，失败 ${failedRows} 行`,
      after: {
        filename: options.filename,
        mode: options.mode,
        created: 0,
        unchanged,
        failedRows,
        committed: !isRejected,
      },
    });
    return importResult(options.mode, !isRejected, rows.length, 0, unchanged, errors, failedRows);
  }

  await deps.db.transaction().execute(async (trx) => {
    const inserted = await insertEnterprises(
      trx,
      toCreate.map(({ body }) => {
        const keys = nameKeys(body.name);
        return {
          credit_code: body.creditCode,
          name: body.name,
          name_pinyin: keys.pinyin,
          name_initials: keys.initials,
          industry_code: body.industryCode,
          district_code: body.districtCode,
          address: body.address,
          size: body.size,
          employee_count: body.employeeCount,
          key_level: body.keyLevel,
          liaison_user_id: body.liaisonUserId,
          created_by: actor.id,
          updated_by: actor.id,
        };
      }),
    );
    const bodyByCode = new Map(toCreate.map((row) => [row.body.creditCode, row.body]));
    const contactRows = inserted.flatMap((enterprise) =>
      (bodyByCode.get(enterprise.credit_code)?.contacts ?? []).map((contact, position) => ({
        ...encryptContact(deps.pii, contact, position, null),
        enterprise_id: enterprise.id,
      })),
    );
    await insertContacts(trx, contactRows);
    const audit = auditContextOf(ctx);
    await recordAudit(
      trx,
      audit,
      {
        action: 'enterprise.import',
        entityType: 'import',
        entityId: null,
        summary: `导入企业文件 ${options.filename}：新增 ${inserted.length}，已存在 ${unchanged}，失败 ${failedRows} 行`,
        after: {
          filename: options.filename,
          mode: options.mode,
          created: inserted.length,
          unchanged,
          failedRows,
        },
      },
      ...inserted.map((enterprise) => ({
        action: 'enterprise.create',
        entityType: 'enterprise',
        entityId: enterprise.id,
        summary: `导入企业 ${enterprise.name}`,
        after: snapshotEnterprise(
          enterprise,
          contactRows.filter((contact) => contact.enterprise_id === enterprise.id),
        ),
      })),
    );
  });
  return importResult(options.mode, true, rows.length, toCreate.length, unchanged, errors, failedRows);
}

function columnName(field: Field): string {
  return ENTERPRISE_COLUMNS.find((column) => column.field === field)?.header ?? field;
}

/** The column a schema path belongs to (`contacts.0.phone` → 联系电话). */
function fieldOfPath(path: readonly PropertyKey[]): Field {
  const [first, , third] = path.map(String);
  if (first === 'contacts') {
    if (third === 'name') return 'contactName';
    if (third === 'title') return 'contactTitle';
    return 'contactPhone';
  }
  if (first === 'liaisonUserId') return 'liaisonUsername';
  const known = ENTERPRISE_COLUMNS.find((column) => column.field === first);
  return known ? known.field : 'name';
}

function contactsOf(row: SheetRow, header: LocatedHeader<Field>) {
  const name = cellText(row, header, 'contactName').text;
  const phone = cellText(row, header, 'contactPhone').text;
  const title = cellText(row, header, 'contactTitle').text;
  if (name === '' && phone === '') return [];
  return [{ name, title, phone }];
}

/** "39", "39 计算机、通信…", or the division's exact name. */
function parseIndustry(text: string): string {
  const leading = /^(\d{1,2})(?:\D|$)/.exec(text);
  if (leading?.[1]) return leading[1].padStart(2, '0');
  return INDUSTRY_DIVISIONS.find((division) => division.nameZh === text)?.code ?? text;
}

/** A 6-digit code or the district's name (with or without its 区/市 suffix). */
function parseDistrict(text: string, districts: readonly { code: string; name: string }[]): string {
  if (/^\d{6}$/.test(text)) return text;
  const byName = districts.find(
    (district) =>
      district.name === text || district.name.replace(/(区|市|县)$/, '') === text.replace(/(区|市|县)$/, ''),
  );
  return byName?.code ?? text;
}

const SIZE_WORDS: Readonly<Record<string, EnterpriseSize>> = {
  大型: 'large',
  大: 'large',
  large: 'large',
  中型: 'medium',
  中: 'medium',
  medium: 'medium',
  小型: 'small',
  小: 'small',
  small: 'small',
  微型: 'micro',
  微: 'micro',
  micro: 'micro',
};

function parseSize(text: string): string {
  return SIZE_WORDS[text.replace(/企业$/, '').toLowerCase()] ?? text;
}

const KEY_WORDS: Readonly<Record<string, KeyLevel>> = {
  '': 'none',
  否: 'none',
  无: 'none',
  none: 'none',
  非重点: 'none',
  区级: 'district',
  区县级: 'district',
  区级重点: 'district',
  district: 'district',
  市级: 'city',
  市级重点: 'city',
  city: 'city',
};

function parseKeyLevel(text: string): string {
  return KEY_WORDS[text.toLowerCase()] ?? text;
}

function parseCount(text: string): number | null | string {
  if (text === '') return null;
  const value = Number(text.replace(/[,，人]/g, ''));
  return Number.isFinite(value) ? value : text;
}
