import '@kern-ux/native/dist/kern.css';
import '../../../i18n';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { SectionEditor } from '../SectionEditor';

async function main() {
  const params = new URLSearchParams(location.search);
  const email = params.get('as') ?? 'expert01@example.org';
  const sectionId = params.get('s')!;
  if (!params.has('nologin')) {
    await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'konvent-demo' }) });
  }
  const me = (await (await fetch('/api/me')).json()).user;
  const section = await (await fetch(`/api/sections/${sectionId}`)).json();
  const workspace = await (await fetch(`/api/workspaces/${section.workspaceId}`)).json();
  createRoot(document.getElementById('root')!).render(
    <QueryClientProvider client={new QueryClient()}>
      <h1 className="kern-heading-large">{section.title}</h1>
      <SectionEditor section={section} workspace={workspace} me={me} />
    </QueryClientProvider>,
  );
}
void main();
