/** The rows of a refused import file: row, column and message, at most 200 shown. */
export function ImportErrorsTable({ errors }: { errors: Array<{ row: number; column: string; message: string }> }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Dòng</th>
          <th scope="col">Cột</th>
          <th scope="col">Lỗi</th>
        </tr>
      </thead>
      <tbody>
        {errors.slice(0, 200).map((e, i) => (
          <tr key={i}>
            <td>{e.row || "—"}</td>
            <td>{e.column || "—"}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
