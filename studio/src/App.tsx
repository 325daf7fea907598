import { lazy, Suspense, useEffect, useState } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { onUnauthorised } from "./api/client.js";
import { SignIn } from "./auth/SignIn.js";
import { clearToken, getToken } from "./auth/token.js";
import { Layout } from "./components/Layout.js";
import { Loading } from "./components/States.js";
import { JourneyAnalyticsPage } from "./pages/JourneyAnalyticsPage.js";
import { AnalyticsPage } from "./pages/AnalyticsPage.js";
import { JourneysPage } from "./pages/JourneysPage.js";
import { MessagesPage } from "./pages/MessagesPage.js";
import { NotFoundPage } from "./pages/NotFoundPage.js";
import { ProfilePage } from "./pages/ProfilePage.js";
import { ProfilesPage } from "./pages/ProfilesPage.js";
import { SegmentPage } from "./pages/SegmentPage.js";
import { SegmentsPage } from "./pages/SegmentsPage.js";
import { SettingsPage } from "./pages/SettingsPage.js";

// The editor (React Flow, forms, layout) is most of the code; the other screens load without it.
const EditorPage = lazy(() =>
  import("./pages/EditorPage.js").then((m) => ({ default: m.EditorPage })),
);

/** Routes fixed by DESIGN.md ("Studio routes"). */
export function App() {
  const [signedIn, setSignedIn] = useState(() => getToken() !== null);
  useEffect(() => onUnauthorised(() => setSignedIn(false)), []);

  if (!signedIn) return <SignIn onSignedIn={() => setSignedIn(true)} />;
  const signOut = () => {
    clearToken();
    setSignedIn(false);
  };
  return (
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
          <Route path="journeys/:id/analytics" element={<JourneyAnalyticsPage />} />
          <Route path="profiles" element={<ProfilesPage />} />
          <Route path="profiles/:id" element={<ProfilePage />} />
          <Route path="segments" element={<SegmentsPage />} />
          <Route path="segments/:id" element={<SegmentPage />} />
          <Route path="messages" element={<MessagesPage />} />
          <Route path="analytics" element={<AnalyticsPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
