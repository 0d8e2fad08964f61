/**
 * Select search that matches what the option shows (Chinese names, codes, English names), not
 * its value (a uuid or code the user never sees). For `showSearch={{ filterOption: matchOptionLabel }}`.
 */
export function matchOptionLabel(input: string, option?: { readonly label?: unknown }): boolean {
  return String(option?.label ?? '')
    .toLowerCase()
    .includes(input.trim().toLowerCase());
}
