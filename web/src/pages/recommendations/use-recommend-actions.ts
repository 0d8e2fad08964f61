import { formatMessage, hasMessage } from '@yonggong/shared';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBulkRecommend } from '../../api/applications.ts';
import type { RecommendationSubject } from '../../api/recommendations.ts';
import { describeError } from '../../components/error-text.ts';
import { useLocale } from '../../i18n/index.ts';
import {
  buildBulkRecommendBody,
  listFailedIds,
  type MatchRow,
  pairOf,
  type RecommendOutcome,
  readBulkOutcomes,
  rowIdOfPair,
} from './match-results.ts';

/** A refusal in words: the server's sentence, a catalogue code turned into one, or a generic line. */
export function useDescribeRefusal(): (message: string | null) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  return (message) => {
    if (!message) return t('errors.title');
    return hasMessage(message) ? formatMessage(locale, message) : message;
  };
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The 推介 actions of a recommendation card over `subject`'s list: one row at once (a toast says
 * how it went), or the selected rows in bulk (a result per pair stays on the card, and the refused
 * rows stay selected). Both go through `POST /api/applications/bulk`, after which the pipeline
 * and the lists are refreshed. `nameOf` names a row id in messages.
 */
export function useRecommendActions(
  subject: RecommendationSubject,
  nameOf: (rowId: string) => string | undefined,
) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const describeRefusal = useDescribeRefusal();
  const bulk = useBulkRecommend();
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(NONE);
  const [outcomes, setOutcomes] = useState<RecommendOutcome[] | null>(null);

  const showError = (error: unknown) => void message.error(describeError(error, t, locale));

  const recommendOne = (rowId: string) => {
    bulk.mutate(
      { items: [pairOf(subject, rowId)], note: '' },
      {
        onSuccess: (reply) => {
          const [outcome] = readBulkOutcomes(subject, reply, nameOf);
          if (!outcome) return;
          if (outcome.isOk) void message.success(t('match.recommended', { name: outcome.name }));
          else
            void message.error(
              t('match.refused', { name: outcome.name, message: describeRefusal(outcome.message) }),
            );
        },
        onError: showError,
      },
    );
  };

  const recommendSelected = (rows: readonly MatchRow[]) => {
    const body = buildBulkRecommendBody(subject, rows, selectedIds);
    if (!body) return;
    bulk.mutate(body, {
      onSuccess: (reply) => {
        const lines = readBulkOutcomes(subject, reply, nameOf);
        setOutcomes(lines);
        setSelectedIds(listFailedIds(lines));
      },
      onError: showError,
    });
  };

  const pendingIds: ReadonlySet<string> =
    bulk.isPending && bulk.variables
      ? new Set(bulk.variables.items.map((pair) => rowIdOfPair(subject, pair)))
      : NONE;

  return {
    selectedIds,
    setSelectedIds,
    outcomes,
    clearOutcomes: () => setOutcomes(null),
    recommendOne,
    recommendSelected,
    /** Rows whose 推介 is on its way. */
    pendingIds,
    isPending: bulk.isPending,
  };
}
