// The local test tenant's clients or users, generated from the fixture module at build time
// (plain markup, no state or effect), so the how-to page always lists what the tenant really has.
import TableScroll from '@site/src/components/TableScroll';
import { localTenantTable, type FixtureTableName } from './rows';

export default function LocalTenantFixtures({ show }: { show: FixtureTableName }): React.JSX.Element {
  const table = localTenantTable(show);
  return (
    <TableScroll label={table.label}>
      <table>
        <thead>
          <tr>
            {table.head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row[0]}>
              {row.map((cell, i) => (
                <td key={i}>{i === 0 ? <code>{cell}</code> : cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
