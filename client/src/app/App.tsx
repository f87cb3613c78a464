/**
 * Providers and routes. Server state lives in react-query; the router only decides which
 * page shows. A 401 from any API call sends the person to the login page and back.
 */
import { lazy, Suspense } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { createBrowserRouter, Outlet, RouterProvider, useHref, useNavigate, type NavigateOptions } from 'react-router';
import { ApiError, onUnauthenticated } from '../api/client';
import { keys } from '../api/queries';
import { AnnouncerProvider } from '../components/Announcer';
import { Loading } from '../components/feedback';
import { noteNavigation } from '../components/focusIntent';
import { AppLayout } from '../layout/AppLayout';
import { DashboardPage } from '../pages/DashboardPage';
import { HomePage } from '../pages/HomePage';
import { InvitationPage } from '../pages/InvitationPage';
import { LoginPage } from '../pages/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SettingsPage } from '../pages/SettingsPage';
import { MembersPage } from '../features/members/MembersPage';
import { OutlinePage } from '../features/outline/OutlinePage';
import { TopicsPage } from '../features/topics/TopicsPage';
import { loginPath, RequireAuth } from './session';
import { WorkspaceGate } from './WorkspaceGate';

// The section page carries the editor (Tiptap, Yjs): load it only when a section opens.
const SectionPage = lazy(() => import('../pages/SectionPage'));

declare module 'react-aria-components' {
  interface RouterConfig {
    routerOptions: NavigateOptions;
  }
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // Client mistakes and missing rights do not get better by asking again.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});

/** Lets react-aria-components links (menu items) navigate inside the app. */
function Root() {
  const navigate = useNavigate();
  return (
    <AriaRouterProvider navigate={(to, options) => void navigate(to, options)} useHref={useHref}>
      <Outlet />
    </AriaRouterProvider>
  );
}

const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { path: '/anmelden', element: <LoginPage /> },
      { path: '/einladung/:token', element: <InvitationPage /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { path: '/', element: <HomePage /> },
              { path: '/einstellungen', element: <SettingsPage /> },
              {
                path: '/a/:workspaceId',
                element: <WorkspaceGate />,
                children: [
                  { index: true, element: <DashboardPage /> },
                  { path: 'mitglieder', element: <MembersPage /> },
                  { path: 'fokusthemen', element: <TopicsPage /> },
                  { path: 'bericht', element: <OutlinePage /> },
                  {
                    path: 'bericht/:sectionId',
                    element: (
                      <Suspense fallback={<Loading />}>
                        <SectionPage />
                      </Suspense>
                    ),
                  },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);

// A heading that renders late takes the focus only if the person has not acted since (PageTitle).
let lastPath = router.state.location.pathname;
router.subscribe((state) => {
  if (state.location.pathname === lastPath) return;
  lastPath = state.location.pathname;
  noteNavigation();
});

onUnauthenticated(() => {
  const { pathname, search } = window.location;
  if (pathname.startsWith('/anmelden') || pathname.startsWith('/einladung')) return;
  queryClient.setQueryData(keys.me, null);
  void router.navigate(loginPath(pathname + search, true), { replace: true });
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AnnouncerProvider>
        <RouterProvider router={router} />
      </AnnouncerProvider>
    </QueryClientProvider>
  );
}
