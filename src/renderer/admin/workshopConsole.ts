import { create } from 'zustand';
import type { Language } from '../../core/instrument';
import type { WorkshopAdminAction, WorkshopSummary } from '../../core/workshop';
import { useConsole } from './store';

/** The console's workshop panel: the workshops as the hub last listed them (its own `workshops` message). */
export const useWorkshops = create<{ list: WorkshopSummary[] | null }>()(() => ({ list: null }));

/** Sends a workshop action with the organiser's session, as every console action. */
export function actWorkshop(action: WorkshopAdminAction): void {
  const { token, client } = useConsole.getState();
  if (token) client?.send({ type: 'workshopAdmin', token, action });
}

/** Downloads a workshop's session report (PDF) with the session token, as the day's export is downloaded. */
export async function downloadWorkshopReport(id: string, token: string, lang: Language): Promise<void> {
  const res = await fetch(`/export/workshop?id=${encodeURIComponent(id)}&lang=${lang}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `${res.status} ${res.statusText}`);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'workshop.pdf';
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
