import { lazy, Suspense, useEffect, useState } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import type { Me } from "@omnijourney/shared";
import { onUnauthorised } from "./api/client.js";
import { sessionApi } from "./api/team.js";
import { ChoosePassword } from "./auth/ChoosePassword.js";
import { setCsrfToken } from "./auth/csrf.js";
import { MeContext } from "./auth/MeContext.js";
import { SignIn } from "./auth/SignIn.js";
import { clearToken } from "./auth/token.js";
import { Layout } from "./components/Layout.js";
import { Loading } from "./components/States.js";
import { AnalyticsPage } from "./pages/AnalyticsPage.js";
import { JourneysPage } from "./pages/JourneysPage.js";
import { MessagesPage } from "./pages/MessagesPage.js";
import { NotFoundPage } from "./pages/NotFoundPage.js";
import { ProfilePage } from "./pages/ProfilePage.js";
import { ProfilesPage } from "./pages/ProfilesPage.js";
import { SegmentPage } from "./pages/SegmentPage.js";
import { SegmentsPage } from "./pages/SegmentsPage.js";
import { SettingsPage } from "./pages/SettingsPage.js";
import { TeamPage } from "./pages/TeamPage.js";
import { AuditPage } from "./pages/AuditPage.js";
import { ApprovalsPage } from "./pages/ApprovalsPage.js";

// The editor (React Flow, forms, layout) is most of the code; the other screens load without it.
const EditorPage = lazy(() =>
  import("./pages/EditorPage.js").then((m) => ({ default: m.EditorPage })),
);

// Templates and snippets: a screen of its own, loaded when opened.
const TemplatesPage = lazy(() =>
  import("./pages/TemplatesPage.js").then((m) => ({ default: m.TemplatesPage })),
);

/** Routes fixed by DESIGN.md ("Studio routes"). */
export function App() {
  // undefined while /api/me is asked (the admin token in this tab, or the session cookie), null when signed out.
  const [me, setMeState] = useState<Me | null | undefined>(undefined);
  const setMe = (next: Me | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setMeState(next);
  };
  useEffect(() => onUnauthorised(() => setMe(null)), []);
  useEffect(() => {
    sessionApi.me().then(setMe, () => setMe(null));
  }, []);

  const page = window.location.pathname;
  if (page === "/invite" || page === "/reset-password")
    if (!me)
      return (
        <ChoosePassword purpose={page === "/invite" ? "invite" : "reset"} onSignedIn={setMe} />
      );
  if (me === undefined) return <Loading label="Opening the studio…" rows={3} />;
  if (me === null) return <SignIn onSignedIn={setMe} />;
  const signOut = () => {
    clearToken();
    void sessionApi.signOut().catch(() => undefined);
    setMe(null);
  };
  return (
    <MeContext.Provider value={me}>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout onSignOut={signOut} />}>
            <Route index element={<JourneysPage />} />
            <Route
              path="journeys/:id"
              element={
                <Suspense
                  fallback={
                    <div className="page">
                      <Loading label="Opening the editor…" rows={6} />
                    </div>
                  }
                >
                  <EditorPage />
                </Suspense>
              }
            />
            <Route path="profiles" element={<ProfilesPage />} />
            <Route path="profiles/:id" element={<ProfilePage />} />
            <Route path="segments" element={<SegmentsPage />} />
            <Route path="segments/:id" element={<SegmentPage />} />
            <Route path="messages" element={<MessagesPage />} />
            <Route path="analytics" element={<AnalyticsPage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="team" element={<TeamPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="approvals" element={<ApprovalsPage />} />
            <Route
              path="templates"
              element={
                <Suspense fallback={<Loading label="Opening templates…" rows={4} />}>
                  <TemplatesPage />
                </Suspense>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </MeContext.Provider>
  );
}
