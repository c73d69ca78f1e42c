import type { Role } from '@/lib/contracts/permissions';

interface DemoAccountRow {
  username: string;
  password: string;
  role: Role;
  tenant: string | null;
}

/** Demo mode only: the public demo logins, so a visitor can try every role. */
export function DemoAccounts({ accounts }: { accounts: DemoAccountRow[] }) {
  return (
    <section aria-labelledby="demo-accounts-title" className="bg-muted/60 rounded-lg border p-4">
      <h2 id="demo-accounts-title" className="text-sm font-semibold">
        Demo accounts
      </h2>
      <p className="text-muted-foreground mt-1 text-xs">
        This instance runs in demo mode. Never use these passwords elsewhere.
      </p>
      <table className="mt-3 w-full text-left text-xs">
        <thead className="text-muted-foreground">
          <tr>
            <th scope="col" className="pb-1.5 font-medium">
              Username
            </th>
            <th scope="col" className="pb-1.5 font-medium">
              Password
            </th>
            <th scope="col" className="pb-1.5 font-medium">
              Role
            </th>
          </tr>
        </thead>
        <tbody className="divide-border divide-y">
          {accounts.map((a) => (
            <tr key={a.username}>
              <td className="py-1.5 font-mono">{a.username}</td>
              <td className="py-1.5 font-mono">{a.password}</td>
              <td className="py-1.5">
                {a.role}
                {a.tenant ? <span className="text-muted-foreground"> · {a.tenant}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
