import { Permission, schoolListQuery } from '@yonggong/shared';
import { useTranslation } from 'react-i18next';
import { useAgreements, useSchools } from '../../../api/schools.ts';
import { useCan } from '../../../app/use-can.ts';
import {
  type KnownRecord,
  type RecordPickerProps,
  type RemoteChoices,
  RemoteSearchSelect,
} from '../../../components/RemoteSearchSelect.tsx';
import { useEnterpriseChoices, useWorkerChoices } from '../../../components/record-choices.ts';
import { useDebouncedValue } from '../../../components/use-debounced-value.ts';

/**
 * Searchable pickers of the records a cooperation form links to — the enterprise of an agreement
 * or class, the school, the student of an internship, the apprentices of a programme. Each searches
 * its list API as the user types (debounced; the server matches names, pinyin initials, the last
 * digits of an ID number) and labels each option with enough to tell two 王浩 apart: the masked ID
 * number and where they come from, or the enterprise's district. A chosen record keeps its label
 * when a later search no longer lists it.
 */

export type { KnownRecord };

/**
 * School staff cannot read the enterprise register: they work with the enterprises their school has
 * an agreement with, which the agreement list (scoped to their school) gives.
 */
function usePartnerEnterprises(
  _search: string,
  _chosen: readonly string[],
  schoolId?: string,
): RemoteChoices {
  const partners = useAgreements(
    { schoolId: schoolId ?? '', page: 1, pageSize: 100, sort: '-signedOn' },
    Boolean(schoolId),
  );
  const seen = new Map<string, string>();
  for (const agreement of partners.data?.items ?? [])
    seen.set(agreement.enterpriseId, `${agreement.enterpriseName} · ${agreement.enterpriseDistrictName}`);
  return {
    isFetching: partners.isFetching,
    isFilteredHere: true,
    listed: [...seen].map(([id, label]) => ({ id, label })),
  };
}

/**
 * One enterprise: officers search the register (`GET /api/enterprises?q=`); accounts without it
 * (school staff) choose among the partner enterprises of `schoolId`.
 */
export function EnterprisePicker({
  schoolId,
  placeholder,
  onChange,
  ...props
}: RecordPickerProps<string | undefined> & {
  /** The school whose partners school staff choose from. */
  readonly schoolId?: string | undefined;
}) {
  const { t } = useTranslation();
  const canSearchRegister = useCan(Permission.EnterpriseRead);
  return (
    <RemoteSearchSelect
      {...props}
      key={canSearchRegister ? 'register' : 'partners'}
      useChoices={canSearchRegister ? useEnterpriseChoices : usePartnerEnterprises}
      scope={schoolId}
      placeholder={placeholder ?? t('schools.pickers.enterprise')}
      noMatch={t('schools.pickers.noMatch')}
      onChange={(id) => onChange?.(id)}
    />
  );
}

/** Schools of the register (school staff: their own), searched by name or pinyin. */
function useSchoolChoices(search: string): RemoteChoices {
  const q = useDebouncedValue(search.trim());
  const page = useSchools(schoolListQuery.parse({ q: q || undefined, pageSize: 20 }));
  return {
    isFetching: page.isFetching,
    listed: (page.data?.items ?? []).map((school) => ({
      id: school.id,
      label: `${school.name} · ${school.regionName}`,
    })),
  };
}

/** One school of the register (school staff: their own). */
export function SchoolPicker({ placeholder, onChange, ...props }: RecordPickerProps<string | undefined>) {
  const { t } = useTranslation();
  return (
    <RemoteSearchSelect
      {...props}
      useChoices={useSchoolChoices}
      placeholder={placeholder ?? t('schools.pickers.school')}
      noMatch={t('schools.pickers.noMatch')}
      onChange={(id) => onChange?.(id)}
    />
  );
}

/** One student or jobseeker in the user's scope (`GET /api/workers?q=`). */
export function WorkerPicker({ placeholder, onChange, ...props }: RecordPickerProps<string | undefined>) {
  const { t } = useTranslation();
  return (
    <RemoteSearchSelect
      {...props}
      useChoices={useWorkerChoices}
      placeholder={placeholder ?? t('schools.pickers.worker')}
      noMatch={t('schools.pickers.noMatch')}
      onChange={(id) => onChange?.(id)}
    />
  );
}

/** Several workers in the user's scope (apprentices). */
export function WorkersPicker({ placeholder, ...props }: RecordPickerProps<string[]>) {
  const { t } = useTranslation();
  return (
    <RemoteSearchSelect
      {...props}
      mode="multiple"
      useChoices={useWorkerChoices}
      placeholder={placeholder ?? t('schools.pickers.workers')}
      noMatch={t('schools.pickers.noMatch')}
    />
  );
}
