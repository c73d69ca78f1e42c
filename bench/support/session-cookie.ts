/**
 * A signed-in session for clients that are not a browser: next-auth's credentials sign-in done with
 * fetch, its cookies kept and answered as one `Cookie` header.
 */
export async function signInCookie(
  baseUrl: string,
  username: string,
  password: string,
): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ csrfToken, username, password, json: 'true' }).toString(),
  });
  keep(callback);
  await callback.arrayBuffer();
  const session = (await (
    await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: header() } })
  ).json()) as { user?: { name?: string } };
  if (!session.user) throw new Error(`sign-in as ${username} failed`);
  return header();
}
