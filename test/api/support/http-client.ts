export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions walk arbitrary JSON
  json(): any;
}

/** Real HTTP against the listening app (light-my-request's ESM-only `cookie` does not load under Jest). */
export const httpClient =
  (baseUrl: string) =>
  async (method: string, path: string, headers: Record<string, string> = {}, payload?: string): Promise<HttpResponse> => {
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
    const body = await response.text();
    return { statusCode: response.status, headers: Object.fromEntries(response.headers), body, json: () => JSON.parse(body) };
  };
