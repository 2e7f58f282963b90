/** Input order per account; an envelope without a usable accountId is its own group (it is only validated). */
export function indicesByAccount(raws: readonly unknown[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  raws.forEach((raw, index) => {
    const accountId = (raw as { accountId?: unknown } | null)?.accountId;
    const key = typeof accountId === 'string' ? `account:${accountId}` : `invalid:${index}`;
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  return groups;
}
