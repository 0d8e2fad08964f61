import type { ImportResult, ReportImportResult } from '@yonggong/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportResultView } from '../pages/enterprises/components/ImportResultView.tsx';
import { ReportImportResultView } from '../pages/monitoring/components/ReportImportDialog.tsx';
import { buildMe } from '../test/fixtures.ts';
import { initTestI18n, renderPageToHtml } from '../test/render-page.tsx';
import {
  ImportDialogFooter,
  ImportFilePicker,
  ImportModeChoice,
  type ImportUpload,
  ImportUploadStatus,
} from './ImportDialogShell.tsx';

/** The shared import pieces keep the test ids the journeys use, in both languages. */
const noop = () => undefined;
const idle: ImportUpload = {
  file: null,
  state: { phase: 'choosing' },
  isBusy: false,
  isProcessing: false,
  pickFile: () => false,
  removeFile: noop,
  restart: noop,
  close: noop,
};
const render = (element: React.ReactElement) => renderPageToHtml('/', '/', element, buildMe());

describe.each(['zh-CN', 'en'] as const)('import dialog pieces (%s)', (language) => {
  beforeAll(() => initTestI18n(language));

  it('renders the mode choice, the file picker and the footer with their test ids', () => {
    const texts = { label: 'mode', all: 'all', allHint: 'a', valid: 'valid', validHint: 'v' };
    const html = render(
      <>
        <ImportModeChoice
          value="valid"
          onChange={noop}
          disabled={false}
          testIdPrefix="import-mode"
          texts={texts}
        />
        <ImportFilePicker upload={idle} testId="import-file" text="选择文件" hint="最大 20 MB" />
        <ImportUploadStatus
          state={{ phase: 'uploading', percent: 40 }}
          uploading="上传中"
          testIds={{ uploading: 'import-progress' }}
        />
        <ImportDialogFooter
          isDone={false}
          onAgain={noop}
          againLabel="again"
          onClose={noop}
          submit={{
            label: '开始导入',
            testId: 'import-submit',
            disabled: true,
            loading: false,
            onClick: noop,
          }}
        />
      </>,
    );
    for (const id of [
      'import-mode-all',
      'import-mode-valid',
      'import-file',
      'import-progress',
      'import-submit',
    ])
      expect(html).toContain(`data-testid="${id}"`);
    expect(html).toContain('accept=".xlsx,.csv"');
    expect(html).toContain('最大 20 MB');
  });

  it('hides the submit button while a job runs and offers "again" once done', () => {
    const running = render(
      <ImportDialogFooter isDone={false} onAgain={noop} againLabel="again" onClose={noop} submit={null} />,
    );
    expect(running).not.toContain('import-submit');
    const done = render(
      <ImportDialogFooter
        isDone
        onAgain={noop}
        againLabel="导入另一个文件"
        onClose={noop}
        closeTestId="import-close"
        submit={null}
      />,
    );
    expect(done).toContain('导入另一个文件');
    expect(done).toContain('data-testid="import-close"');
  });

  it('shows an enterprise import verdict with its counts and every bad row', () => {
    const result: ImportResult = {
      mode: 'all',
      committed: false,
      totalRows: 5,
      created: 0,
      unchanged: 0,
      failed: 2,
      errors: [
        { row: 6, column: '行业代码', message: '没有代码 99', code: 'industry' },
        { row: 4, column: '统一社会信用代码', message: '校验位不对', code: 'credit_code' },
      ],
    };
    const html = render(<ImportResultView result={result} />);
    for (const id of ['import-stats', 'import-nothing-imported', 'import-errors'])
      expect(html).toContain(`data-testid="${id}"`);
    expect(html).toContain('统一社会信用代码');
    // Sorted by row: row 4 comes first.
    expect(html.indexOf('校验位不对')).toBeLessThan(html.indexOf('没有代码 99'));
  });

  it('shows a report import verdict with bad rows and reconciliation warnings', () => {
    const result: ReportImportResult = {
      imported: 0,
      updated: 0,
      warnings: [{ row: 3, message: '人数对不上' }],
      errors: [{ row: 2, column: null, message: '企业不存在' }],
    };
    const html = render(<ReportImportResultView result={result} />);
    for (const id of [
      'report-import-result',
      'report-import-nothing',
      'report-import-errors',
      'report-import-warnings',
    ])
      expect(html).toContain(`data-testid="${id}"`);
    expect(html).toContain('企业不存在');
    expect(html).toContain('人数对不上');
  });
});
