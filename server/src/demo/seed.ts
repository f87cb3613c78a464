import type { AppContext } from '../context';

export interface DemoSummary {
  workspaceName: string;
  moderatorEmail: string;
  password: string;
}

/** Seeds the demo working group into an empty database; null when there was data already. */
export async function seedDemoIfEmpty(_ctx: AppContext): Promise<DemoSummary | null> {
  return null;
}
