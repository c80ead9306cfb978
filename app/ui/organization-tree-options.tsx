/** <option>s for an organisation tree, indented by depth, after an empty choice. */
export function OrganizationTreeOptions({
  organizations,
}: {
  organizations: Array<{ id: string; name: string; depth: number }>;
}) {
  return (
    <>
      <option value="">— Chọn —</option>
      {organizations.map((o) => (
        <option key={o.id} value={o.id}>
          {"\u00a0\u00a0".repeat(o.depth)}
          {o.name}
        </option>
      ))}
    </>
  );
}
