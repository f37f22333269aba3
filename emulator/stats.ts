/** Request counters exposed by the control API (GET /_emulator/stats). */
export interface StatsSnapshot {
  readonly tokenRequests: number;
  readonly tokenRequestsFailed: number;
  readonly apiRequests: number;
  readonly byRoute: Readonly<Record<string, number>>;
  readonly byOffer: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Authenticated API requests by the client id their token was issued to (lower case). */
  readonly byClient: Readonly<Record<string, number>>;
}

export class Stats {
  private tokenRequests = 0;
  private tokenRequestsFailed = 0;
  private apiRequests = 0;
  private byRoute = new Map<string, number>();
  private byOffer = new Map<string, Map<string, number>>();
  private byClient = new Map<string, number>();

  recordToken(ok: boolean): void {
    this.tokenRequests++;
    if (!ok) this.tokenRequestsFailed++;
  }

  /** One /api request; `route` is the templated route ("GET /api/publishers/{p}/offers"). */
  recordApi(route: string | null, kind: string | null, publisherId?: string, offerId?: string): void {
    this.apiRequests++;
    if (route !== null) this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
    if (kind !== null && publisherId !== undefined && offerId !== undefined) {
      const key = `${publisherId}/${offerId}`;
      const counts = this.byOffer.get(key) ?? new Map<string, number>();
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      this.byOffer.set(key, counts);
    }
  }

  /** One API request that carried a valid token of `clientId`. */
  recordClient(clientId: string): void {
    this.byClient.set(clientId, (this.byClient.get(clientId) ?? 0) + 1);
  }

  snapshot(): StatsSnapshot {
    return {
      tokenRequests: this.tokenRequests,
      tokenRequestsFailed: this.tokenRequestsFailed,
      apiRequests: this.apiRequests,
      byRoute: Object.fromEntries(this.byRoute),
      byOffer: Object.fromEntries([...this.byOffer].map(([key, counts]) => [key, Object.fromEntries(counts)])),
      byClient: Object.fromEntries(this.byClient),
    };
  }

  reset(): void {
    this.tokenRequests = 0;
    this.tokenRequestsFailed = 0;
    this.apiRequests = 0;
    this.byRoute.clear();
    this.byOffer.clear();
    this.byClient.clear();
  }
}
