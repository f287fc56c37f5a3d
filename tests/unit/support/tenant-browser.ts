// Just enough browser to walk the local tenant's pages in unit tests: cookies and manual redirects.

/** A cookie jar and manual redirects: just enough browser to walk the tenant's pages. */
export class TenantBrowser {
  constructor(private readonly issuer: string) {}

  private cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    return response;
  }

  /** Follows redirects until one leaves the tenant (the client's callback), or a page is shown. */
  async follow(url: string, init?: RequestInit): Promise<{ url: string; response: Response }> {
    let current = url;
    let response = await this.fetch(current, init);
    for (let hops = 0; hops < 10 && response.status >= 300 && response.status < 400; hops += 1) {
      current = new URL(response.headers.get('location')!, current).href;
      if (!current.startsWith(this.issuer)) return { url: current, response };
      response = await this.fetch(current);
    }
    return { url: current, response };
  }

  /**
   * Walks an authorization request through the tenant: picks `userId` on the login page when one
   * is shown (an SSO session skips it) and returns the URL the tenant finally redirects to.
   */
  async authorizeAs(authorizationUrl: string, userId: string): Promise<{ url: string; loginPage?: string }> {
    const first = await this.follow(authorizationUrl);
    if (first.response.status < 300 || first.response.status >= 400) {
      const html = await first.response.text();
      const action = new RegExp(
        `<form method="post" action="([^"]+)">\\s*<input type="hidden" name="user" value="${userId}">`,
      ).exec(html);
      if (!action) return { url: first.url, loginPage: html };
      const done = await this.follow(new URL(action[1]!, this.issuer).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ user: userId }),
      });
      return { url: done.url, loginPage: html };
    }
    return { url: first.url };
  }
}
